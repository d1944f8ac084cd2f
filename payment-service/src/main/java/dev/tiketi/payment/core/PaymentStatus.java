package dev.tiketi.payment.core;

/**
 * Where a payment stands. PENDING until the PG answers (or reconciliation asks it); SUCCESS or FAILED then.
 * A SUCCESS payment whose booking was cancelled or refused becomes REFUND_PENDING (the intent, recorded by
 * the saga) and REFUNDED once the PG has cancelled the charge.
 */
public enum PaymentStatus {
    PENDING, SUCCESS, FAILED, REFUND_PENDING, REFUNDED;

    /**
     * Whether a payment may move from this status to {@code next}; every other move is a bug or a race lost.
     * {@link PaymentStore}'s conditional updates apply exactly these moves.
     */
    public boolean canMoveTo(PaymentStatus next) {
        return switch (this) {
            case PENDING -> next == SUCCESS || next == FAILED;
            case SUCCESS -> next == REFUND_PENDING;
            case REFUND_PENDING -> next == REFUNDED;
            case FAILED, REFUNDED -> false;
        };
    }
}
