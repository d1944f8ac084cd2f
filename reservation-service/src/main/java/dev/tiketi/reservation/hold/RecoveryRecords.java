package dev.tiketi.reservation.hold;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the database knows that Redis must hold too: the seats of live holds and recent sales. Read by
 * {@link RedisRecovery} after Redis lost its data. (Payment tokens need no keeping: they are signed, and
 * payment-service checks them without asking anyone.)
 */
@Repository
class RecoveryRecords {

    private final JdbcClient jdbc;

    RecoveryRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A PENDING reservation whose hold has not run out. */
    record LiveHold(UUID reservationId, UUID userId, UUID eventId, List<UUID> seatIds, Instant holdExpiresAt) {
    }

    /** A reservation CONFIRMED recently enough that its seats must still be refused from Redis. */
    record RecentSale(UUID reservationId, UUID eventId, List<UUID> seatIds) {
    }

    List<LiveHold> liveHolds(Instant now) {
        return jdbc.sql("""
                        SELECT r.id, r.user_id, r.event_id, r.hold_expires_at, array_agg(s.seat_id) AS seat_ids
                          FROM reservations r
                          JOIN reservation_seats s ON s.reservation_id = r.id
                         WHERE r.status = 'PENDING' AND r.hold_expires_at > :now
                         GROUP BY r.id""")
                .param("now", utc(now))
                .query((rs, row) -> new LiveHold(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getObject("event_id", UUID.class), seatIds(rs),
                        rs.getObject("hold_expires_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    List<RecentSale> salesSince(Instant since) {
        return jdbc.sql("""
                        SELECT r.id, r.event_id, array_agg(s.seat_id) AS seat_ids
                          FROM reservations r
                          JOIN reservation_seats s ON s.reservation_id = r.id
                         WHERE r.status = 'CONFIRMED' AND r.confirmed_at > :since
                         GROUP BY r.id""")
                .param("since", utc(since))
                .query((rs, row) -> new RecentSale(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        seatIds(rs)))
                .list();
    }

    private static List<UUID> seatIds(ResultSet rs) throws SQLException {
        Array array = rs.getArray("seat_ids");
        try {
            return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).sorted().toList();
        } finally {
            array.free();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
