package dev.tiketi.reservation.catalog;

import dev.tiketi.events.CatalogEvent;
import dev.tiketi.events.CatalogFacts;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.SeatsGenerated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's copy of the catalog ({@code catalog_events}, {@code catalog_seats}), written only from
 * {@code event.events}. Every row keeps the version of the event's event that last wrote it, and a write
 * applies only if its version is at least the row's: a duplicate rewrites what is there, an older event (a
 * late redelivery, a replay running beside the live consumer) changes nothing. So the copy is the same whatever
 * order, and however often, the events arrive, and replaying the topic from its first offset rebuilds it.
 */
@Component
public class CatalogCopy {

    private static final String UPSERT_EVENT = """
            INSERT INTO catalog_events (event_id, version, title, venue_name, hall_name, starts_at, ends_at,
                                        sale_starts_at, sale_ends_at, status, seat_count)
            VALUES (:id, :version, :title, :venueName, :hallName, :startsAt, :endsAt, :saleStartsAt, :saleEndsAt,
                    :status, :seatCount)
            ON CONFLICT (event_id) DO UPDATE
               SET version = EXCLUDED.version, title = EXCLUDED.title, venue_name = EXCLUDED.venue_name,
                   hall_name = EXCLUDED.hall_name, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                   sale_starts_at = EXCLUDED.sale_starts_at, sale_ends_at = EXCLUDED.sale_ends_at,
                   status = EXCLUDED.status, seat_count = EXCLUDED.seat_count
             WHERE catalog_events.version <= EXCLUDED.version""";

    /** A part's seats travel as six arrays, expanded by PostgreSQL: one statement for up to 2,000 seats. */
    private static final String UPSERT_SEATS = """
            INSERT INTO catalog_seats (event_id, seat_id, version, section, row_label, number, grade, price)
            SELECT ?, s.seat_id, ?, s.section, s.row_label, s.number, s.grade, s.price
              FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::bigint[])
                       AS s(seat_id, section, row_label, number, grade, price)
            ON CONFLICT (event_id, seat_id) DO UPDATE
               SET version = EXCLUDED.version, section = EXCLUDED.section, row_label = EXCLUDED.row_label,
                   number = EXCLUDED.number, grade = EXCLUDED.grade, price = EXCLUDED.price
             WHERE catalog_seats.version <= EXCLUDED.version""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;

    CatalogCopy(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
    }

    /** Applies one catalog event, in a transaction of its own. */
    public void apply(EventEnvelope envelope, CatalogEvent event) {
        transactions.executeWithoutResult(status -> {
            upsertEvent(event.eventId(), envelope.version(), event.facts());
            if (event instanceof SeatsGenerated seats) {
                // parts of one event are applied one after the other (one partition, and the row lock against
                // a rebuild running beside the consumer), so the count below sees every committed part
                jdbc.sql("SELECT 1 FROM catalog_events WHERE event_id = :id FOR UPDATE")
                        .param("id", seats.eventId()).query(Integer.class).single();
                upsertSeats(seats, envelope.version());
                jdbc.sql("""
                                UPDATE catalog_events
                                   SET seats_copied = (SELECT count(*) FROM catalog_seats WHERE event_id = :id)
                                 WHERE event_id = :id""")
                        .param("id", seats.eventId()).update();
            }
        });
    }

    /** Empties the copy, before a rebuild replays the topic into it. */
    void clear() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM catalog_seats").update();
            jdbc.sql("DELETE FROM catalog_events").update();
        });
    }

    /** How much the copy holds: events and seats. */
    public Size size() {
        return jdbc.sql("SELECT (SELECT count(*) FROM catalog_events) AS events, (SELECT count(*) FROM catalog_seats) AS seats")
                .query((rs, n) -> new Size(rs.getLong("events"), rs.getLong("seats"))).single();
    }

    public record Size(long events, long seats) {
    }

    Optional<CopiedEvent> event(UUID eventId) {
        return jdbc.sql("""
                        SELECT event_id, version, title, venue_name, hall_name, starts_at, ends_at, sale_starts_at,
                               sale_ends_at, status, seat_count, seats_copied
                          FROM catalog_events WHERE event_id = :id""")
                .param("id", eventId)
                .query((rs, n) -> new CopiedEvent(rs.getObject("event_id", UUID.class), rs.getLong("version"),
                        rs.getString("title"), rs.getString("venue_name"), rs.getString("hall_name"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("sale_starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("sale_ends_at", OffsetDateTime.class).toInstant(),
                        rs.getString("status"), rs.getInt("seat_count"), rs.getInt("seats_copied")))
                .optional();
    }

    /** The event's seats among {@code seatIds}; ids of no seat of the event are left out. */
    List<CatalogSeat> seats(UUID eventId, Collection<UUID> seatIds) {
        return jdbc.sql("""
                        SELECT seat_id, section, row_label, number, grade, price
                          FROM catalog_seats
                         WHERE event_id = :eventId AND seat_id IN (:ids)""")
                .param("eventId", eventId)
                .param("ids", List.copyOf(seatIds))
                .query((rs, n) -> new CatalogSeat(rs.getObject("seat_id", UUID.class), eventId,
                        rs.getString("section"), rs.getString("row_label"), rs.getInt("number"),
                        rs.getString("grade"), rs.getLong("price")))
                .list();
    }

    private void upsertEvent(UUID eventId, long version, CatalogFacts facts) {
        jdbc.sql(UPSERT_EVENT)
                .param("id", eventId)
                .param("version", version)
                .param("title", facts.title())
                .param("venueName", facts.venueName())
                .param("hallName", facts.hallName())
                .param("startsAt", facts.startsAt().atOffset(ZoneOffset.UTC))
                .param("endsAt", facts.endsAt().atOffset(ZoneOffset.UTC))
                .param("saleStartsAt", facts.saleStartsAt().atOffset(ZoneOffset.UTC))
                .param("saleEndsAt", facts.saleEndsAt().atOffset(ZoneOffset.UTC))
                .param("status", facts.status())
                .param("seatCount", facts.seatCount())
                .update();
    }

    private void upsertSeats(SeatsGenerated part, long version) {
        List<SeatsGenerated.Seat> seats = part.seats();
        jdbcTemplate.update((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement(UPSERT_SEATS);
            statement.setObject(1, part.eventId());
            statement.setLong(2, version);
            statement.setArray(3, array(connection, "uuid", seats.stream().map(SeatsGenerated.Seat::seatId).toArray()));
            statement.setArray(4, array(connection, "varchar", seats.stream().map(SeatsGenerated.Seat::section).toArray()));
            statement.setArray(5, array(connection, "varchar", seats.stream().map(SeatsGenerated.Seat::row).toArray()));
            statement.setArray(6, array(connection, "int4", seats.stream().map(SeatsGenerated.Seat::number).toArray()));
            statement.setArray(7, array(connection, "varchar", seats.stream().map(SeatsGenerated.Seat::grade).toArray()));
            statement.setArray(8, array(connection, "int8", seats.stream().map(SeatsGenerated.Seat::price).toArray()));
            return statement;
        });
    }

    private static java.sql.Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
