package dev.tiketi.reservation.seatmap;

import dev.tiketi.reservation.catalog.EventCatalog;
import dev.tiketi.reservation.config.ReservationProperties;
import dev.tiketi.reservation.hold.SeatHolds;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Seat status for the seat map: SOLD from this service's CONFIRMED reservations ({@link SoldSeats}, read about
 * every {@code sold-cache-ttl}) plus the sold markers in Redis younger than that read, HELD from Redis. No call
 * to event-service (the event, for the 404, comes from this service's copy of the catalog), no sort of the sold
 * seats.
 */
@Service
public class SeatMap {

    private final EventCatalog catalog;
    private final SoldSeats soldSeats;
    private final SeatHolds seatHolds;
    private final Duration soldOverlap;
    private final Clock clock;

    SeatMap(EventCatalog catalog, SoldSeats soldSeats, SeatHolds seatHolds, ReservationProperties properties,
            Clock clock) {
        this.catalog = catalog;
        this.soldSeats = soldSeats;
        this.seatHolds = seatHolds;
        this.soldOverlap = properties.seatMap().soldOverlap();
        this.clock = clock;
    }

    /** 404 {@code event-not-found} for an event the copy of the catalog does not have. */
    public SeatMapStatus status(UUID eventId) {
        catalog.event(eventId);
        Instant now = clock.instant();
        SoldSeats.Snapshot snapshot = soldSeats.of(eventId);
        // seats sold since the snapshot was read carry a Redis marker from their sale on; only those are read
        Set<UUID> soldSince = new HashSet<>(seatHolds.soldSince(eventId, snapshot.readAt().minus(soldOverlap), now));
        soldSince.removeAll(snapshot.members());
        List<UUID> sold = merge(snapshot.sorted(), new ArrayList<>(soldSince));
        List<UUID> held = new ArrayList<>();
        for (UUID seat : seatHolds.held(eventId, now)) {
            if (!snapshot.members().contains(seat) && !soldSince.contains(seat)) {
                held.add(seat);
            }
        }
        held.sort(null);
        return new SeatMapStatus(eventId, held, sold, now);
    }

    /** {@code sorted} with {@code extra} (a few ids, in no order) merged in, in {@link UUID#compareTo} order. */
    private static List<UUID> merge(List<UUID> sorted, List<UUID> extra) {
        if (extra.isEmpty()) {
            return sorted;
        }
        extra.sort(null);
        List<UUID> merged = new ArrayList<>(sorted.size() + extra.size());
        int i = 0;
        int j = 0;
        while (i < sorted.size() || j < extra.size()) {
            if (j == extra.size() || (i < sorted.size() && sorted.get(i).compareTo(extra.get(j)) < 0)) {
                merged.add(sorted.get(i++));
            } else {
                merged.add(extra.get(j++));
            }
        }
        return merged;
    }
}
