package dev.tiketi.user.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a registration whose email is taken is the same registration sent again — a client retrying after a
 * 503 or a 504, whose first attempt did create the account after the gateway had given up — and is answered
 * with that account instead of {@code email-taken}. Same means: an active account created within the replay
 * window, with the same name and phone; the caller also checks the password against the stored hash, so only
 * whoever chose that password gets the account back (what a login would give them anyway).
 */
final class RegistrationReplay {

    private RegistrationReplay() {
    }

    static boolean isRepeatOf(UserAccount existing, String name, String phone, Instant now, Duration window) {
        return existing.status() == UserAccount.Status.ACTIVE
                && !existing.createdAt().isBefore(now.minus(window))
                && existing.name().equals(name)
                && Objects.equals(existing.phone(), phone);
    }
}
