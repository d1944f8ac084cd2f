package dev.tiketi.payment.support;

import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.ReservationHeld;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reservation as reservation-service announces it on {@code reservation.events}: the events its life would
 * publish, for a test to put into payment-service's copy (directly, or over Kafka).
 */
public record TestReservation(UUID id, UUID userId, UUID eventId, long totalAmount, Instant holdExpiresAt,
                              String eventTitle, List<UUID> seatIds) {

    public static TestReservation of(UUID userId, UUID eventId, long totalAmount, Instant holdExpiresAt,
                                     String eventTitle) {
        return new TestReservation(UUID.randomUUID(), userId, eventId, totalAmount, holdExpiresAt, eventTitle,
                List.of(UUID.randomUUID(), UUID.randomUUID()));
    }

    public ReservationHeld held() {
        long price = totalAmount / seatIds.size();
        List<ReservationHeld.Seat> seats = seatIds.stream()
                .map(seat -> new ReservationHeld.Seat(seat, "R", price)).toList();
        return new ReservationHeld(id, eventId, userId, seats, totalAmount, holdExpiresAt, eventTitle);
    }

    public ReservationConfirmed confirmed() {
        return new ReservationConfirmed(id, eventId, userId, seatIds, totalAmount);
    }

    public ReservationCancelled cancelled(String reason, boolean wasConfirmed) {
        return new ReservationCancelled(id, eventId, userId, seatIds, reason, wasConfirmed);
    }

    public ReservationExpired expired() {
        return new ReservationExpired(id, eventId, userId, seatIds);
    }

    /** The same hold after a seat change (a new total; the expiry never moves). */
    public TestReservation withTotal(long newTotal) {
        return new TestReservation(id, userId, eventId, newTotal, holdExpiresAt, eventTitle, seatIds);
    }
}
