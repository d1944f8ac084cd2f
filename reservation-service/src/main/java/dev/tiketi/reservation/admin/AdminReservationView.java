package dev.tiketi.reservation.admin;

import dev.tiketi.reservation.booking.EventSnapshot;
import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservationStatus;
import dev.tiketi.reservation.booking.ReservedSeat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reservation as admins see it: the buyer's view plus who bought it and with which payment. */
record AdminReservationView(UUID id, UUID eventId, UUID userId, ReservationStatus status, EventSnapshot event,
                            List<ReservedSeat> seats, long totalAmount, Instant holdExpiresAt, String cancelReason,
                            boolean wasConfirmed, UUID paymentId, Instant createdAt, Instant confirmedAt,
                            Instant cancelledAt, Instant expiredAt, Instant refundedAt) {

    static AdminReservationView of(Reservation r) {
        Reservation.Timeline t = r.timeline();
        return new AdminReservationView(r.id(), r.eventId(), r.userId(), r.status(), r.event(), r.seats(),
                r.totalAmount(), r.holdExpiresAt(), r.cancelReason(), r.wasConfirmed(), r.paymentId(), t.createdAt(),
                t.confirmedAt(), t.cancelledAt(), t.expiredAt(), t.refundedAt());
    }
}
