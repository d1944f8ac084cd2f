package dev.tiketi.reservation.admin;

import dev.tiketi.reservation.booking.ReservationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an admin looks reservations up by; every part optional, all given parts must match.
 *
 * @param from created at or after (inclusive)
 * @param to   created before (exclusive)
 */
record ReservationFilter(UUID eventId, UUID userId, Set<ReservationStatus> statuses, Instant from, Instant to) {

    ReservationFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    static ReservationFilter of(UUID eventId, UUID userId, List<ReservationStatus> statuses, Instant from, Instant to) {
        return new ReservationFilter(eventId, userId, statuses == null ? Set.of() : Set.copyOf(statuses), from, to);
    }
}
