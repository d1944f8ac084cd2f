package dev.tiketi.payment.saga;

import dev.tiketi.payment.core.Payment;
import dev.tiketi.payment.core.PaymentStatus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which payment a reservation event asks to refund, if any. Plain rules, no I/O. */
final class RefundRules {

    private RefundRules() {
    }

    sealed interface Decision {
    }

    /** Refund this payment (SUCCESS → REFUND_PENDING). */
    record Refund(UUID paymentId) implements Decision {
    }

    /** Nothing to do: the refund was asked for before (a redelivered or repeated event). */
    record AlreadyRefunding(UUID paymentId) implements Decision {
    }

    /** The event contradicts our payments; retrying cannot help, someone must look. */
    record Inconsistent(String why) implements Decision {
    }

    /** A booking the buyer cancelled was paid: its charged payment is refunded. */
    static Decision forCancelledBooking(UUID reservationId, List<Payment> paymentsOfReservation) {
        Optional<Payment> charged = paymentsOfReservation.stream()
                .filter(payment -> payment.status() == PaymentStatus.SUCCESS).findFirst();
        if (charged.isPresent()) {
            return new Refund(charged.get().id());
        }
        return paymentsOfReservation.stream()
                .filter(payment -> payment.status() == PaymentStatus.REFUND_PENDING
                        || payment.status() == PaymentStatus.REFUNDED)
                .findFirst()
                .<Decision>map(payment -> new AlreadyRefunding(payment.id()))
                .orElseGet(() -> new Inconsistent("confirmed reservation " + reservationId
                        + " was cancelled but has no successful payment here"));
    }

    /** reservation-service refused a payment (its hold had expired or it was cancelled): that payment is refunded. */
    static Decision forRejectedPayment(UUID reservationId, UUID paymentId, Optional<Payment> payment) {
        if (payment.isEmpty()) {
            return new Inconsistent("payment " + paymentId + " rejected by reservation " + reservationId
                    + " does not exist here");
        }
        Payment rejected = payment.get();
        if (!rejected.reservationId().equals(reservationId)) {
            return new Inconsistent("payment " + paymentId + " belongs to reservation " + rejected.reservationId()
                    + ", not " + reservationId);
        }
        return switch (rejected.status()) {
            case SUCCESS -> new Refund(rejected.id());
            case REFUND_PENDING, REFUNDED -> new AlreadyRefunding(rejected.id());
            case PENDING, FAILED -> new Inconsistent("payment " + paymentId + " was rejected but is "
                    + rejected.status() + ", so nothing was charged to refund");
        };
    }
}
