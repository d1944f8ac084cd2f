package dev.tiketi.payment.gateway;

import java.time.Instant;

/** The PG's decision on a cancellation (refund). */
public sealed interface CancelResult {

    /** The charge is cancelled (now, or it already was). */
    record Cancelled(Instant cancelledAt) implements CancelResult {
    }

    /** The PG refused to cancel, e.g. the charge is unknown to it; needs a person if it persists. */
    record Refused(String code, String message) implements CancelResult {
    }
}
