package dev.tiketi.event.seat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes an event's seats in one statement: the rows of the layout travel as five arrays and PostgreSQL
 * expands each into its seats with {@code generate_series}. One round trip and no per-seat parameters,
 * which beats both batched inserts and COPY for tens of thousands of seats, and joins the caller's
 * transaction like any other statement. Each seat keeps its row's position in the layout ({@code row_position},
 * from the arrays' ordinality), so the seat layout can list rows in template order.
 */
@Component
public class SeatGenerator {

    private static final String INSERT = """
            INSERT INTO seats (id, event_id, section, row_label, number, grade, price, status, updated_at, row_position)
            SELECT gen_random_uuid(), ?, r.section, r.row_label, n, r.grade, r.price, 'AVAILABLE', ?, r.position - 1
              FROM unnest(?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::bigint[]) WITH ORDINALITY
                       AS r(section, row_label, seats, grade, price, position)
             CROSS JOIN LATERAL generate_series(1, r.seats) AS n
            """;

    private final JdbcTemplate jdbc;

    SeatGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates every seat of {@code layout} for the event, AVAILABLE; returns how many. */
    public int generate(UUID eventId, SeatLayout layout, Instant now) {
        var rows = layout.rows();
        return jdbc.update((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement(INSERT);
            statement.setObject(1, eventId);
            statement.setObject(2, now.atOffset(ZoneOffset.UTC));
            statement.setArray(3, array(connection, "varchar", rows.stream().map(SeatLayout.RowSpec::section).toArray()));
            statement.setArray(4, array(connection, "varchar", rows.stream().map(SeatLayout.RowSpec::label).toArray()));
            statement.setArray(5, array(connection, "int4", rows.stream().map(SeatLayout.RowSpec::seats).toArray()));
            statement.setArray(6, array(connection, "varchar", rows.stream().map(SeatLayout.RowSpec::grade).toArray()));
            statement.setArray(7, array(connection, "int8", rows.stream().map(SeatLayout.RowSpec::price).toArray()));
            return statement;
        });
    }

    private static java.sql.Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
