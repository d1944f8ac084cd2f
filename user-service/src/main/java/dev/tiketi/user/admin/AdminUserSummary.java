package dev.tiketi.user.admin;

import dev.tiketi.user.account.UserAccount;

import java.time.Instant;
import java.util.UUID;

public record AdminUserSummary(UUID id, String email, String name, String role, String status, Instant createdAt) {

    static AdminUserSummary of(UserAccount user) {
        return new AdminUserSummary(user.id(), user.email(), user.name(), user.role().name(), user.status().name(),
                user.createdAt());
    }
}
