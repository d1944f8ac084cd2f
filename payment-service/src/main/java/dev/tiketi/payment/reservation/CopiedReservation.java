package dev.tiketi.payment.reservation;

import java.time.Instant;
import java.util.UUID;

/**
 * A reservation as payment-service's copy knows it (table {@code reservation_copy}), built from reservation-service's
 * events alone. A PENDING one always carries the amount and expiry of its newest hold.
 *
 * @param version      the reservation's version of the newest event applied
 * @param totalAmount  in KRW, from the newest {@code ReservationHeld}; null if no hold of it reached the copy
 * @param holdExpiresAt from the newest {@code ReservationHeld}; null likewise
 * @param eventTitle   from the newest {@code ReservationHeld}; null if unknown (holds written before it was carried)
 * @param heldVersion  the version of the hold the details come from; null without details
 * @param changedAt    when reservation-service made the change {@code status} comes from
 */
public record CopiedReservation(
        UUID id,
        UUID userId,
        UUID eventId,
        Status status,
        long version,
        Long totalAmount,
        Instant holdExpiresAt,
        String eventTitle,
        Long heldVersion,
        Instant changedAt) {

    /**
     * reservation-service's statuses as its events tell them. REFUNDED is not among them: a refunded booking stays
     * CANCELLED here (no event announces the refund), which is all a payment needs to know.
     */
    public enum Status {
        PENDING, CONFIRMED, EXPIRED, CANCELLED;

        /**
         * Orders two statuses of the same version (which reservation-service never writes): the later in a
         * reservation's life wins, so that even then no order of arrival brings back a hold.
         */
        int precedence() {
            return ordinal();
        }
    }
}
