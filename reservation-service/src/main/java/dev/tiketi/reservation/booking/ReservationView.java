package dev.tiketi.reservation.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reservation as its buyer sees it; {@code totalAmount} and seat prices in KRW, times in UTC. */
public record ReservationView(UUID id, UUID eventId, ReservationStatus status, EventSnapshot event,
                              List<ReservedSeat> seats, long totalAmount, Instant holdExpiresAt, String cancelReason,
                              boolean wasConfirmed, Instant createdAt, Instant confirmedAt, Instant cancelledAt,
                              Instant expiredAt, Instant refundedAt) {

    public static ReservationView of(Reservation r) {
        Reservation.Timeline t = r.timeline();
        return new ReservationView(r.id(), r.eventId(), r.status(), r.event(), r.seats(), r.totalAmount(),
                r.holdExpiresAt(), r.cancelReason(), r.wasConfirmed(), t.createdAt(), t.confirmedAt(), t.cancelledAt(),
                t.expiredAt(), t.refundedAt());
    }
}
