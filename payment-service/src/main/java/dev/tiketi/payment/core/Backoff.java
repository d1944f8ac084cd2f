package dev.tiketi.payment.core;

import java.time.Duration;

/** Exponential back-off: {@code base} after the first failure, doubling, never more than {@code max}. */
public final class Backoff {

    private Backoff() {
    }

    /** @param failures how many attempts have failed so far, at least 1 */
    public static Duration after(int failures, Duration base, Duration max) {
        int doublings = Math.clamp(failures - 1L, 0, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }
}
