package dev.tiketi.event.seatstatus;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Venues, halls, events and seats written straight to the database: the admin endpoints that create them
 * are not this package's, and the projection only needs the rows.
 */
final class CatalogFixture {

    record Event(UUID id, List<UUID> seatIds) {
    }

    record EventRow(String status, int availableCount, long version) {
    }

    record SeatRow(String status, UUID soldReservationId) {

        static SeatRow available() {
            return new SeatRow("AVAILABLE", null);
        }

        static SeatRow soldTo(UUID reservationId) {
            return new SeatRow("SOLD", reservationId);
        }
    }

    private final JdbcTemplate jdbc;

    CatalogFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An ON_SALE event whose sale opened an hour ago and runs for another day; all seats available. */
    Event onSale(int seats) {
        Instant now = Instant.now();
        return event(seats, "ON_SALE", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), null);
    }

    /** A SOLD_OUT event whose sale has closed, every seat sold to {@code reservationId}. */
    Event soldOutAfterSale(int seats, UUID reservationId) {
        Instant now = Instant.now();
        return event(seats, "SOLD_OUT", now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1)), reservationId);
    }

    EventRow event(UUID eventId) {
        return jdbc.queryForObject("SELECT status, available_count, version FROM events WHERE id = ?",
                (rs, row) -> new EventRow(rs.getString(1), rs.getInt(2), rs.getLong(3)), eventId);
    }

    Map<UUID, SeatRow> seats(UUID eventId) {
        return jdbc.query("SELECT id, status, sold_reservation_id FROM seats WHERE event_id = ?",
                        (rs, row) -> Map.entry(rs.getObject(1, UUID.class),
                                new SeatRow(rs.getString(2), rs.getObject(3, UUID.class))), eventId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    SeatRow seat(UUID seatId) {
        return jdbc.queryForObject("SELECT status, sold_reservation_id FROM seats WHERE id = ?",
                (rs, row) -> new SeatRow(rs.getString(1), rs.getObject(2, UUID.class)), seatId);
    }

    boolean processed(UUID envelopeEventId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id = ?", Integer.class,
                envelopeEventId) == 1;
    }

    private Event event(int seatCount, String status, Instant saleStartsAt, Instant saleEndsAt, UUID soldTo) {
        Instant now = Instant.now();
        UUID venueId = UUID.randomUUID();
        UUID hallId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        jdbc.update("INSERT INTO venues (id, name, city, address, created_at, updated_at) VALUES (?, ?, 'Seoul', '1 Test-ro', ?, ?)",
                venueId, "Venue " + venueId, ts(now), ts(now));
        jdbc.update("""
                        INSERT INTO halls (id, venue_id, name, seat_template, seat_count, created_at, updated_at)
                        VALUES (?, ?, 'Main', '{}'::jsonb, ?, ?, ?)""",
                hallId, venueId, seatCount, ts(now), ts(now));
        Instant startsAt = saleEndsAt.plus(Duration.ofDays(1));
        jdbc.update("""
                        INSERT INTO events (id, title, artist, category, venue_id, hall_id, starts_at, ends_at,
                                            sale_starts_at, sale_ends_at, status, seat_count, available_count,
                                            search_text, created_at, updated_at)
                        VALUES (?, 'Test concert', 'Test artist', 'CONCERT', ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                'test concert test artist', ?, ?)""",
                eventId, venueId, hallId, ts(startsAt), ts(startsAt.plus(Duration.ofHours(3))),
                ts(saleStartsAt), ts(saleEndsAt), status, seatCount, soldTo == null ? seatCount : 0, ts(now), ts(now));
        List<UUID> seatIds = new ArrayList<>();
        for (int number = 1; number <= seatCount; number++) {
            UUID seatId = UUID.randomUUID();
            seatIds.add(seatId);
            jdbc.update("""
                            INSERT INTO seats (id, event_id, section, row_label, number, grade, price, status,
                                               sold_reservation_id, updated_at)
                            VALUES (?, ?, 'FLOOR', 'A', ?, 'R', 165000, ?, ?, ?)""",
                    seatId, eventId, number, soldTo == null ? "AVAILABLE" : "SOLD", soldTo, ts(now));
        }
        return new Event(eventId, List.copyOf(seatIds));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
