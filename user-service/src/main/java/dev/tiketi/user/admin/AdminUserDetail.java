package dev.tiketi.user.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One account as administrators see it, with its latest sign-in attempts (newest first). Bookings are not here:
 * reservation-service answers them ({@code GET /api/admin/reservations?userId=}).
 *
 * @param lockedUntil   the brute-force lockout's end, if one is running
 * @param adminLockedAt when an administrator locked the account; null when not locked
 */
record AdminUserDetail(UUID id, String email, String name, String phone, String role, String status,
                       int failedLoginCount, Instant lockedUntil, Instant adminLockedAt, String adminLockReason,
                       Instant createdAt, Instant updatedAt, List<LoginAttempt> loginHistory) {

    /** @param failureReason null for a successful sign-in */
    record LoginAttempt(Instant attemptedAt, boolean success, String failureReason, String ip, String userAgent) {
    }
}
