package dev.tiketi.user.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Exponential lockout: the {@code threshold}-th consecutive failure locks the account for {@code base}, every
 * further failure (once the lock has passed) doubles that, up to {@code max}. A success resets the count.
 */
public final class LockoutPolicy {

    private final int threshold;
    private final Duration base;
    private final Duration max;

    public LockoutPolicy(int threshold, Duration base, Duration max) {
        if (threshold < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("lockout needs threshold >= 1 and 0 < base <= max");
        }
        this.threshold = threshold;
        this.base = base;
        this.max = max;
    }

    static LockoutPolicy from(AuthProperties.Lockout lockout) {
        return new LockoutPolicy(lockout.threshold(), lockout.baseDuration(), lockout.maxDuration());
    }

    /** How long to lock after the given number of consecutive failures, or empty while below the threshold. */
    public Optional<Duration> lockDuration(int consecutiveFailures) {
        if (consecutiveFailures < threshold) {
            return Optional.empty();
        }
        int doublings = consecutiveFailures - threshold;
        // beyond 2^30 the multiplication would overflow long before the cap matters
        if (doublings >= 30) {
            return Optional.of(max);
        }
        Duration duration = base.multipliedBy(1L << doublings);
        return Optional.of(duration.compareTo(max) > 0 ? max : duration);
    }
}
