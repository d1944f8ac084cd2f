package dev.tiketi.user.auth;

import dev.tiketi.user.token.CurrentAccessToken;
import dev.tiketi.web.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.UUID;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final LoginService logins;
    private final SessionService sessions;
    private final RefreshCookies cookies;

    AuthController(LoginService logins, SessionService sessions, RefreshCookies cookies) {
        this.logins = logins;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @PostMapping("/login")
    ResponseEntity<AuthTokens> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return withCookie(logins.login(request, ClientInfo.from(http)));
    }

    /** The token from the body wins over the cookie, so a client that stores it itself is never confused by a stale cookie. */
    @PostMapping("/refresh")
    ResponseEntity<AuthTokens> refresh(@Valid @RequestBody(required = false) RefreshRequest request,
            HttpServletRequest http) {
        String token = presentedRefreshToken(request, http);
        if (token == null) {
            throw ApiException.invalidField("refreshToken", "NotBlank", "send the refresh token in the body or its cookie");
        }
        return withCookie(sessions.refresh(token));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody(required = false) RefreshRequest request,
            HttpServletRequest http) {
        sessions.logout(UUID.fromString(jwt.getSubject()), CurrentAccessToken.from(jwt), presentedRefreshToken(request, http));
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookies.clear().toString()).build();
    }

    private String presentedRefreshToken(RefreshRequest request, HttpServletRequest http) {
        if (request != null && request.refreshToken() != null && !request.refreshToken().isBlank()) {
            return request.refreshToken();
        }
        return cookies.read(http).orElse(null);
    }

    private ResponseEntity<AuthTokens> withCookie(AuthTokens tokens) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, cookies.issue(tokens.refreshToken(), Duration.ofSeconds(tokens.refreshExpiresIn())).toString())
                .body(tokens);
    }
}
