package dev.tiketi.payment.request;

import java.time.Instant;
import java.util.UUID;

/**
 * reservation-service's {@code GET /internal/reservations/{id}}, the fields payment-service uses (the seats
 * it also sends are not needed here).
 *
 * @param totalAmount in KRW: what the payment charges
 */
public record ReservationView(
        UUID id,
        UUID userId,
        UUID eventId,
        String status,
        Long totalAmount,
        Instant holdExpiresAt,
        String eventTitle,
        Instant eventStartsAt) {

    public static final String PENDING = "PENDING";
}
