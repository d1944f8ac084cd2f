package dev.tiketi.user.account;

import dev.tiketi.user.token.CurrentAccessToken;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@RestController
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/auth/register")
    ResponseEntity<UserProfile> register(@Valid @RequestBody RegisterRequest request) {
        UserProfile profile = accounts.register(request);
        return ResponseEntity.created(URI.create("/api/users/me")).body(profile);
    }

    @GetMapping("/api/users/me")
    UserProfile me(@AuthenticationPrincipal Jwt jwt) {
        return accounts.profile(userId(jwt));
    }

    @PatchMapping("/api/users/me")
    UserProfile update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateProfileRequest request) {
        return accounts.updateProfile(userId(jwt), request);
    }

    @PutMapping("/api/users/me/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody ChangePasswordRequest request) {
        accounts.changePassword(userId(jwt), request, CurrentAccessToken.from(jwt));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    @DeleteMapping("/api/users/me")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody WithdrawRequest request) {
        accounts.withdraw(userId(jwt), request, CurrentAccessToken.from(jwt));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private static UUID userId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
