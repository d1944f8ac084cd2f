package dev.tiketi.user.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Token lifetimes, password hashing cost and login protection.
 *
 * @param signingKeyFile     PEM (PKCS#8) RSA private key that signs access tokens; empty for a key that lives
 *                           only as long as the process (tests)
 * @param generateMissingKey create {@code signingKeyFile} when it does not exist. Convenient on a developer
 *                           machine; production sets it to false and mounts the key as a secret, so that a
 *                           missing mount fails the start instead of silently rotating the key per pod
 * @param bcryptStrength     BCrypt cost, 10 to 12
 * @param hashing            how many registrations and sign-ins may hash or check a password at once, and how long one waits for its
 *                           turn before it is refused with 503 + Retry-After (early, instead of timing out)
 * @param registrationReplayWindow how long after an account was created the same registration sent again
 *                           (same email, password, name and phone: a client retrying) is answered with that
 *                           account rather than {@code email-taken}
 */
@ConfigurationProperties("tiketi.auth")
public record AuthProperties(
        @DefaultValue("") String signingKeyFile,
        @DefaultValue("true") boolean generateMissingKey,
        @DefaultValue("30m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue RefreshCookie refreshCookie,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Lockout lockout,
        @DefaultValue Hashing hashing,
        @DefaultValue("10m") Duration registrationReplayWindow) {

    public AuthProperties {
        if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) < 0 || accessTokenTtl.compareTo(Duration.ofMinutes(60)) > 0) {
            throw new IllegalArgumentException("tiketi.auth.access-token-ttl must be 15 to 60 minutes");
        }
        if (bcryptStrength < 10 || bcryptStrength > 12) {
            throw new IllegalArgumentException("tiketi.auth.bcrypt-strength must be 10 to 12");
        }
    }

    /** The refresh token cookie; {@code secure} may only be switched off for plain-HTTP local runs. */
    public record RefreshCookie(@DefaultValue("tiketi_refresh") String name, @DefaultValue("true") boolean secure) {
    }

    /** Login attempts allowed per fixed window, counted before the password is checked. */
    public record RateLimits(@DefaultValue Limit perIp, @DefaultValue Limit perAccount) {
    }

    public record Limit(@DefaultValue("10") int attempts, @DefaultValue("1m") Duration window) {
    }

    /** {@code maxConcurrent} 0: one per processor. */
    public record Hashing(@DefaultValue("0") int maxConcurrent, @DefaultValue("1s") Duration maxWait) {

        public int permits() {
            return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        }
    }

    /** After {@code threshold} consecutive failures the account locks, {@code baseDuration} doubling per further failure. */
    public record Lockout(@DefaultValue("5") int threshold, @DefaultValue("1m") Duration baseDuration,
            @DefaultValue("1h") Duration maxDuration) {
    }
}
