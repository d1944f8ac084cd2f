package dev.tiketi.reservation.seatmap;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which seats of an event are taken right now; every other seat of the event is available.
 *
 * @param held held for someone's payment (Redis)
 * @param sold sold (event-service, and seats sold here it may not know yet)
 * @param asOf when this was read
 */
public record SeatMapStatus(UUID eventId, List<UUID> held, List<UUID> sold, Instant asOf) {

    public SeatMapStatus {
        held = List.copyOf(held);
        sold = List.copyOf(sold);
    }
}
