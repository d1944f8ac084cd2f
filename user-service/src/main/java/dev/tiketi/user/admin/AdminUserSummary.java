package dev.tiketi.user.admin;

import java.time.Instant;
import java.util.UUID;

/** @param locked whether an administrator locked the account */
public record AdminUserSummary(UUID id, String email, String name, String role, String status, boolean locked,
                               Instant createdAt) {
}
