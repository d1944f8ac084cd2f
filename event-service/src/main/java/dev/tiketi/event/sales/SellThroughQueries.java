package dev.tiketi.event.sales;

import dev.tiketi.web.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Sell-through from event-service's own rows. The list reads the counters each event row keeps
 * ({@code seat_count}, {@code available_count}, updated with every seat change), so it costs one row per event;
 * an event's grades are one aggregate over its seats ({@code seats_event_status_idx}).
 */
@Service
class SellThroughQueries {

    private final JdbcClient jdbc;

    SellThroughQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events in these statuses, the soonest first. */
    List<SellThrough> list(List<String> statuses, int limit) {
        return jdbc.sql("""
                        SELECT id, title, status, starts_at, seat_count, available_count FROM events
                         WHERE status IN (:statuses) ORDER BY starts_at, id LIMIT :limit""")
                .param("statuses", statuses).param("limit", limit)
                .query((rs, n) -> summary(rs, List.of())).list();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    SellThrough ofEvent(UUID eventId) {
        List<SellThrough.Grade> grades = jdbc.sql("""
                        SELECT grade, max(price) AS price, count(*) AS total,
                               count(*) FILTER (WHERE status = 'SOLD') AS sold
                          FROM seats WHERE event_id = :id GROUP BY grade ORDER BY max(price) DESC, grade""")
                .param("id", eventId)
                .query((rs, n) -> new SellThrough.Grade(rs.getString("grade"), rs.getLong("price"), rs.getInt("total"),
                        rs.getInt("sold"), SellThrough.ratio(rs.getInt("sold"), rs.getInt("total"))))
                .list();
        return jdbc.sql("SELECT id, title, status, starts_at, seat_count, available_count FROM events WHERE id = :id")
                .param("id", eventId)
                .query((rs, n) -> summary(rs, grades)).optional()
                .orElseThrow(() -> ApiException.notFound("event-not-found", "There is no such event."));
    }

    private static SellThrough summary(ResultSet rs, List<SellThrough.Grade> grades) throws SQLException {
        int total = rs.getInt("seat_count");
        int sold = total - rs.getInt("available_count");
        return new SellThrough(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("status"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(), total, sold,
                SellThrough.ratio(sold, total), grades);
    }
}
