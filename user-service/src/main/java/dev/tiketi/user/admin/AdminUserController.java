package dev.tiketi.user.admin;

import dev.tiketi.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Access is restricted to ADMIN by the security filter chain (/api/admin/**). */
@RestController
class AdminUserController {

    private final UserDirectory directory;
    private final AccountLocks locks;

    AdminUserController(UserDirectory directory, AccountLocks locks) {
        this.directory = directory;
        this.locks = locks;
    }

    /** Every account, or those whose e-mail address or name contains {@code query}. */
    @GetMapping("/api/admin/users")
    UserPage list(@RequestParam(required = false) @Size(max = 320) String query,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return directory.page(query, page, size);
    }

    @GetMapping("/api/admin/users/{id}")
    AdminUserDetail detail(@PathVariable UUID id) {
        return directory.detail(id);
    }

    @PostMapping("/api/admin/users/{id}/lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lock(@PathVariable UUID id, @Valid @RequestBody(required = false) LockRequest request,
              @AuthenticationPrincipal Jwt jwt) {
        locks.lock(id, AuthenticatedUser.from(jwt).id(), request == null ? null : request.reason());
    }

    @PostMapping("/api/admin/users/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable UUID id) {
        locks.unlock(id);
    }
}
