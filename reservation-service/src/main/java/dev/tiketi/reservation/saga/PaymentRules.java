package dev.tiketi.reservation.saga;

import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservationStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * What a successful payment does to a reservation. No I/O. Money is never kept for seats the buyer did not
 * get: every success that cannot confirm is rejected, and payment-service refunds it.
 */
final class PaymentRules {

    static final String RESERVATION_EXPIRED = "RESERVATION_EXPIRED";
    static final String RESERVATION_CANCELLED = "RESERVATION_CANCELLED";
    /** A second, different payment for a booking another payment confirmed already. */
    static final String RESERVATION_ALREADY_PAID = "RESERVATION_ALREADY_PAID";
    /** The amount charged is not the reservation's total (its seats changed while the payment was under way). */
    static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";

    private PaymentRules() {
    }

    sealed interface Decision {
    }

    record Confirm() implements Decision {
    }

    /** The same payment confirmed it before: a redelivery, nothing to do. */
    record AlreadyConfirmed() implements Decision {
    }

    /**
     * @param expireFirst the reservation is still PENDING but the payment was approved after its hold ended:
     *                    expire it (seats free, slot released) before rejecting
     */
    record Reject(String reason, boolean expireFirst) implements Decision {
    }

    static Decision onSucceeded(Reservation reservation, UUID paymentId, long amount, Instant approvedAt) {
        return switch (reservation.status()) {
            case CONFIRMED -> paymentId.equals(reservation.paymentId()) ? new AlreadyConfirmed()
                    : new Reject(RESERVATION_ALREADY_PAID, false);
            case PENDING -> {
                if (approvedAt.isAfter(reservation.holdExpiresAt())) {
                    yield new Reject(RESERVATION_EXPIRED, true);
                }
                yield amount == reservation.totalAmount() ? new Confirm() : new Reject(AMOUNT_MISMATCH, false);
            }
            case EXPIRED -> new Reject(RESERVATION_EXPIRED, false);
            case CANCELLED, REFUNDED -> new Reject(RESERVATION_CANCELLED, false);
        };
    }

    /** A failed payment ends a hold that is still waiting for it; anything else it leaves alone. */
    static boolean failureCancels(Reservation reservation) {
        return reservation.status() == ReservationStatus.PENDING;
    }
}
