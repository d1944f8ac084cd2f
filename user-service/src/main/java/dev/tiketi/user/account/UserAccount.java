package dev.tiketi.user.account;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}. Name, phone and password hash are null once the account is withdrawn. */
public record UserAccount(UUID id, String email, String passwordHash, String name, String phone, Role role,
        Status status, int failedLoginCount, Instant lockedUntil, Instant createdAt, Instant updatedAt) {

    public enum Role { USER, ADMIN }

    public enum Status { ACTIVE, WITHDRAWN }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
