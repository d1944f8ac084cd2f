package dev.tiketi.event.admin;

import dev.tiketi.event.status.EventStatus;
import dev.tiketi.event.status.SaleFacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** An event row with the names of its venue and hall. */
record EventRow(UUID id, String title, String artist, String description, EventCategory category,
        UUID venueId, String venueName, String venueCity, UUID hallId, String hallName,
        Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt, String posterUrl,
        EventStatus status, int seatCount, int availableCount, Instant createdAt, Instant updatedAt) {

    static final String SELECT = """
            SELECT e.id, e.title, e.artist, e.description, e.category, e.venue_id, v.name AS venue_name,
                   v.city AS venue_city, e.hall_id, h.name AS hall_name, e.starts_at, e.ends_at, e.sale_starts_at,
                   e.sale_ends_at, e.poster_url, e.status, e.seat_count, e.available_count, e.created_at, e.updated_at
              FROM events e
              JOIN venues v ON v.id = e.venue_id
              JOIN halls h ON h.id = e.hall_id
            """;

    static EventRow map(ResultSet rs, int rowNum) throws SQLException {
        return new EventRow(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("artist"),
                rs.getString("description"), EventCategory.valueOf(rs.getString("category")),
                rs.getObject("venue_id", UUID.class), rs.getString("venue_name"), rs.getString("venue_city"),
                rs.getObject("hall_id", UUID.class), rs.getString("hall_name"),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), Sql.instant(rs, "sale_starts_at"),
                Sql.instant(rs, "sale_ends_at"), rs.getString("poster_url"), EventStatus.valueOf(rs.getString("status")),
                rs.getInt("seat_count"), rs.getInt("available_count"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    SaleFacts facts() {
        return new SaleFacts(status == EventStatus.CANCELLED, saleStartsAt, saleEndsAt, endsAt, availableCount);
    }

    EventView view() {
        return new EventView(id, title, artist, description, category, status, startsAt, endsAt, saleStartsAt,
                saleEndsAt, posterUrl, seatCount, availableCount,
                new EventView.VenueSummary(venueId, venueName, venueCity), new EventView.HallSummary(hallId, hallName),
                createdAt, updatedAt);
    }
}
