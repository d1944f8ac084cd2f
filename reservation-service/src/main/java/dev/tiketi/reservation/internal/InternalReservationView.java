package dev.tiketi.reservation.internal;

import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservationStatus;
import dev.tiketi.reservation.booking.ReservedSeat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What payment-service needs to charge for a reservation: the amount (KRW) is taken from here, never from a client. */
public record InternalReservationView(UUID id, UUID userId, UUID eventId, ReservationStatus status, long totalAmount,
                                      Instant holdExpiresAt, String eventTitle, Instant eventStartsAt,
                                      List<ReservedSeat> seats) {

    static InternalReservationView of(Reservation r) {
        return new InternalReservationView(r.id(), r.userId(), r.eventId(), r.status(), r.totalAmount(),
                r.holdExpiresAt(), r.event().title(), r.event().startsAt(), r.seats());
    }
}
