package dev.tiketi.event.notice;

import dev.tiketi.security.AuthenticatedUser;
import dev.tiketi.web.problem.ApiException;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Writing notices. The filter chain restricts /api/admin/** to ADMIN; the role is checked here as well, so
 * that the rule holds even if a path rule is ever lost.
 */
@RestController
class AdminNoticeController {

    private final Notices notices;

    AdminNoticeController(Notices notices) {
        this.notices = notices;
    }

    @PostMapping("/api/admin/notices")
    ResponseEntity<Notice> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NoticeRequest request) {
        Notice notice = notices.create(request, admin(jwt).id());
        return ResponseEntity.created(URI.create("/api/notices/" + notice.id())).body(notice);
    }

    @PutMapping("/api/admin/notices/{id}")
    Notice update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @Valid @RequestBody NoticeRequest request) {
        admin(jwt);
        return notices.update(id, request);
    }

    @DeleteMapping("/api/admin/notices/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        admin(jwt);
        notices.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static AuthenticatedUser admin(Jwt jwt) {
        AuthenticatedUser user = AuthenticatedUser.from(jwt);
        if (!user.isAdmin()) {
            throw ApiException.forbidden("access-denied", "This needs an administrator.");
        }
        return user;
    }
}
