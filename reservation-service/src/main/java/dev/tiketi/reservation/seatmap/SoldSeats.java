package dev.tiketi.reservation.seatmap;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tiketi.reservation.config.ReservationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The seats of an event sold by this service's own CONFIRMED reservations, read from its own schema about
 * once per {@code sold-cache-ttl} per event and kept sorted, so that a seat-map status costs neither a call to
 * event-service nor a sort of tens of thousands of ids. Reservations are where a sale happens: event-service
 * only learns of it later from {@code reservation.events}.
 */
@Component
class SoldSeats {

    /** Events whose sold seats are kept at once; a 50,000-seat sell-out is about 3 MB. */
    private static final int MAX_CACHED = 200;

    /**
     * @param sorted in {@link UUID#compareTo} order
     * @param readAt taken before the query: every seat confirmed before it is in {@code sorted}
     */
    record Snapshot(List<UUID> sorted, Set<UUID> members, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoadingCache<UUID, Snapshot> snapshots;

    SoldSeats(JdbcClient jdbc, Clock clock, ReservationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        // An older snapshot is still right together with the sold markers of the sales since its read (the
        // markers last sold-marker-ttl), so past sold-cache-ttl it is served while one reload runs in the
        // background, instead of making a status wait for the query; it expires well before its markers would.
        this.snapshots = Caffeine.newBuilder().maximumSize(MAX_CACHED)
                .refreshAfterWrite(properties.seatMap().soldCacheTtl())
                .expireAfterWrite(properties.seatMap().soldMarkerTtl().dividedBy(2))
                .build(this::read);
    }

    Snapshot of(UUID eventId) {
        return snapshots.get(eventId);
    }

    private Snapshot read(UUID eventId) {
        Instant readAt = clock.instant();
        // live seats are those of PENDING and CONFIRMED reservations; the PENDING ones of the event are few
        // (holds in progress), found once, and every other live seat is sold. A join per seat instead, planned
        // from statistics taken before a sell-out, took a minute for 45,000 seats.
        List<UUID> sold = new ArrayList<>(jdbc.sql("""
                        WITH pending AS MATERIALIZED (
                            SELECT id FROM reservations WHERE status = 'PENDING' AND event_id = :event)
                        SELECT seat_id FROM reservation_seats
                         WHERE event_id = :event AND live AND reservation_id NOT IN (SELECT id FROM pending)""")
                .param("event", eventId)
                .query(UUID.class).list());
        sold.sort(null);
        return new Snapshot(List.copyOf(sold), new HashSet<>(sold), readAt);
    }
}
