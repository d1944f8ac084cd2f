package dev.tiketi.reservation.booking;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that changed what a reservation's seats are; Redis and the live seat
 * maps follow after the commit, never for a change that was rolled back.
 */
public record SeatsChanged(UUID eventId, UUID reservationId, List<UUID> seatIds, Change change) {

    public SeatsChanged {
        seatIds = List.copyOf(seatIds);
    }

    public enum Change {
        /** newly held by the reservation */
        HELD,
        /** given back before being paid for (released, changed, expired, payment failed) */
        RELEASED,
        /** paid for */
        SOLD,
        /** a paid booking was cancelled: the seats are for sale again */
        UNSOLD
    }
}
