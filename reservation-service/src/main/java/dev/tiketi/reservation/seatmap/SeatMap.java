package dev.tiketi.reservation.seatmap;

import dev.tiketi.reservation.catalog.EventCatalog;
import dev.tiketi.reservation.hold.SeatHolds;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Seat status for the seat map: SOLD (event-service, cached briefly, ∪ sold here) and HELD (Redis). */
@Service
public class SeatMap {

    private final EventCatalog catalog;
    private final SeatHolds seatHolds;
    private final Clock clock;

    SeatMap(EventCatalog catalog, SeatHolds seatHolds, Clock clock) {
        this.catalog = catalog;
        this.seatHolds = seatHolds;
        this.clock = clock;
    }

    /** 404 {@code event-not-found} for an event event-service does not know. */
    public SeatMapStatus status(UUID eventId) {
        Instant now = clock.instant();
        Set<UUID> sold = new TreeSet<>(catalog.soldSeats(eventId));
        sold.addAll(seatHolds.recentlySold(eventId, now));
        Set<UUID> held = new TreeSet<>(seatHolds.held(eventId, now));
        held.removeAll(sold);
        return new SeatMapStatus(eventId, held.stream().toList(), sold.stream().toList(), now);
    }
}
