package dev.tiketi.event.admin;

import dev.tiketi.event.status.EventStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The events table, through plain SQL (seats are written set-based next to it, so no ORM in between). */
@Repository
class EventStore {

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EventRow> find(UUID id) {
        return jdbc.sql(EventRow.SELECT + " WHERE e.id = :id").param("id", id).query(EventRow::map).optional();
    }

    /** Reads the event and locks its row until the transaction ends. */
    Optional<EventRow> lock(UUID id) {
        return jdbc.sql(EventRow.SELECT + " WHERE e.id = :id FOR UPDATE OF e").param("id", id)
                .query(EventRow::map).optional();
    }

    List<EventRow> page(EventStatus status, int page, int size) {
        return jdbc.sql(EventRow.SELECT + """
                         WHERE (CAST(:status AS varchar) IS NULL OR e.status = :status)
                         ORDER BY e.starts_at DESC, e.id LIMIT :limit OFFSET :offset""")
                .param("status", status == null ? null : status.name())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(EventRow::map).list();
    }

    long count(EventStatus status) {
        return jdbc.sql("SELECT count(*) FROM events WHERE (CAST(:status AS varchar) IS NULL OR status = :status)")
                .param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    void insert(NewEvent event) {
        jdbc.sql("""
                        INSERT INTO events (id, title, artist, description, category, venue_id, hall_id, starts_at,
                                            ends_at, sale_starts_at, sale_ends_at, poster_url, status, seat_count,
                                            available_count, search_text, created_at, updated_at)
                        VALUES (:id, :title, :artist, :description, :category, :venue, :hall, :startsAt, :endsAt,
                                :saleStartsAt, :saleEndsAt, :posterUrl, :status, :seats, :seats, :searchText,
                                :now, :now)""")
                .param("id", event.id())
                .param("title", event.title())
                .param("artist", event.artist())
                .param("description", event.description())
                .param("category", event.category().name())
                .param("venue", event.venueId())
                .param("hall", event.hallId())
                .param("startsAt", Sql.timestamp(event.startsAt()))
                .param("endsAt", Sql.timestamp(event.endsAt()))
                .param("saleStartsAt", Sql.timestamp(event.saleStartsAt()))
                .param("saleEndsAt", Sql.timestamp(event.saleEndsAt()))
                .param("posterUrl", event.posterUrl())
                .param("status", event.status().name())
                .param("seats", event.seatCount())
                .param("searchText", event.searchText())
                .param("now", Sql.timestamp(event.now()))
                .update();
    }

    void updateDetails(UUID id, EventDetails details, String searchText, EventStatus status, Instant now) {
        jdbc.sql("""
                        UPDATE events SET title = :title, artist = :artist, description = :description,
                               category = :category, starts_at = :startsAt, ends_at = :endsAt,
                               sale_starts_at = :saleStartsAt, sale_ends_at = :saleEndsAt, poster_url = :posterUrl,
                               search_text = :searchText, status = :status, version = version + 1, updated_at = :now
                         WHERE id = :id""")
                .param("title", details.title())
                .param("artist", details.artist())
                .param("description", details.description())
                .param("category", details.category().name())
                .param("startsAt", Sql.timestamp(details.startsAt()))
                .param("endsAt", Sql.timestamp(details.endsAt()))
                .param("saleStartsAt", Sql.timestamp(details.saleStartsAt()))
                .param("saleEndsAt", Sql.timestamp(details.saleEndsAt()))
                .param("posterUrl", details.posterUrl())
                .param("searchText", searchText)
                .param("status", status.name())
                .param("now", Sql.timestamp(now))
                .param("id", id)
                .update();
    }

    void updateSale(UUID id, Instant saleStartsAt, Instant saleEndsAt, EventStatus status, Instant now) {
        jdbc.sql("""
                        UPDATE events SET sale_starts_at = :saleStartsAt, sale_ends_at = :saleEndsAt, status = :status,
                               version = version + 1, updated_at = :now
                         WHERE id = :id""")
                .param("saleStartsAt", Sql.timestamp(saleStartsAt))
                .param("saleEndsAt", Sql.timestamp(saleEndsAt))
                .param("status", status.name())
                .param("now", Sql.timestamp(now))
                .param("id", id)
                .update();
    }

    void updateStatus(UUID id, EventStatus status, Instant now) {
        jdbc.sql("UPDATE events SET status = :status, version = version + 1, updated_at = :now WHERE id = :id")
                .param("status", status.name())
                .param("now", Sql.timestamp(now))
                .param("id", id)
                .update();
    }

    record NewEvent(UUID id, String title, String artist, String description, EventCategory category, UUID venueId,
            UUID hallId, Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt, String posterUrl,
            EventStatus status, int seatCount, String searchText, Instant now) {
    }

    /** The editable part of an event, normalised. */
    record EventDetails(String title, String artist, String description, EventCategory category, Instant startsAt,
            Instant endsAt, Instant saleStartsAt, Instant saleEndsAt, String posterUrl) {
    }
}
