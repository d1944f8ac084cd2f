package dev.tiketi.event.browse;

import dev.tiketi.event.admin.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Venues, halls, events and seats written straight to the tables, as the admin side would create them.
 * Every venue gets a unique name, so that tests can scope their lists to their own venue.
 */
public final class CatalogFixtures {

    private final JdbcTemplate jdbc;

    public CatalogFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record VenueRow(UUID id, String name, String city, UUID hallId) {
    }

    public VenueRow venue(String name, String city) {
        UUID id = UUID.randomUUID();
        String unique = name + " " + id.toString().substring(0, 8);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO venues (id, name, city, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, unique, city, "1 Test-ro, " + city, now, now);
        UUID hallId = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO halls (id, venue_id, name, seat_template, seat_count, created_at, updated_at)
                VALUES (?, ?, 'Main Hall', '{"sections":[],"prices":{}}'::jsonb, 1000, ?, ?)""", hallId, id, now, now);
        return new VenueRow(id, unique, city, hallId);
    }

    public EventSpec event(VenueRow venue, String title) {
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return new EventSpec(venue, title, "Artist", "CONCERT", "ON_SALE", start, 10, 10, null);
    }

    public record EventSpec(VenueRow venue, String title, String artist, String category, String status,
            Instant startsAt, int seatCount, int availableCount, String searchText) {

        public EventSpec artist(String value) {
            return new EventSpec(venue, title, value, category, status, startsAt, seatCount, availableCount, searchText);
        }

        public EventSpec category(String value) {
            return new EventSpec(venue, title, artist, value, status, startsAt, seatCount, availableCount, searchText);
        }

        public EventSpec status(String value) {
            return new EventSpec(venue, title, artist, category, value, startsAt, seatCount, availableCount, searchText);
        }

        public EventSpec startsAt(Instant value) {
            return new EventSpec(venue, title, artist, category, status, value, seatCount, availableCount, searchText);
        }

        public EventSpec seats(int total, int available) {
            return new EventSpec(venue, title, artist, category, status, startsAt, total, available, searchText);
        }

        public EventSpec searchText(String value) {
            return new EventSpec(venue, title, artist, category, status, startsAt, seatCount, availableCount, value);
        }
    }

    /** Inserts the event with its counts only; {@link #seats} adds seat rows where a test needs them. */
    public UUID insert(EventSpec spec) {
        UUID id = UUID.randomUUID();
        Instant saleStart = spec.startsAt().minus(Duration.ofDays(20));
        Instant saleEnd = spec.startsAt().minus(Duration.ofHours(1));
        Timestamp now = Timestamp.from(Instant.now());
        // what the admin side stores for a new event
        String searchText = spec.searchText() != null ? spec.searchText()
                : SearchText.of(spec.title(), spec.artist(), spec.venue().name(), spec.venue().city());
        jdbc.update("""
                        INSERT INTO events (id, title, artist, description, category, venue_id, hall_id, starts_at, ends_at,
                            sale_starts_at, sale_ends_at, poster_url, status, seat_count, available_count, search_text,
                            created_at, updated_at)
                        VALUES (?, ?, ?, 'About ' || ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, spec.title(), spec.artist(), spec.title(), spec.category(), spec.venue().id(), spec.venue().hallId(),
                Timestamp.from(spec.startsAt()), Timestamp.from(spec.startsAt().plus(Duration.ofHours(3))),
                Timestamp.from(saleStart), Timestamp.from(saleEnd), "https://img.tiketi.dev/" + id + ".jpg",
                spec.status(), spec.seatCount(), spec.availableCount(), searchText, now, now);
        return id;
    }

    /**
     * {@code rows} rows (labelled 1, 2, ... so that natural order matters) of {@code perRow} seats in
     * {@code section}, all of one grade and price, AVAILABLE; one INSERT however many.
     */
    public void seats(UUID eventId, String section, int rows, int perRow, String grade, long price) {
        jdbc.update("""
                INSERT INTO seats (id, event_id, section, row_label, number, grade, price, status, updated_at)
                SELECT gen_random_uuid(), ?, ?, r::text, n, ?, ?, 'AVAILABLE', now()
                FROM generate_series(1, ?) AS r, generate_series(1, ?) AS n""",
                eventId, section, grade, price, rows, perRow);
    }

    /** Marks {@code count} seats of the section SOLD, as the sales projection would. */
    public void sell(UUID eventId, String section, int count) {
        jdbc.update("""
                UPDATE seats SET status = 'SOLD', sold_reservation_id = gen_random_uuid()
                WHERE id IN (SELECT id FROM seats WHERE event_id = ? AND section = ? AND status = 'AVAILABLE'
                             ORDER BY row_label, number LIMIT ?)""", eventId, section, count);
    }
}
