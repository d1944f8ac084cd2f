package dev.tiketi.payment.reservation;

import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.payment.reservation.CopiedReservation.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code reservation_copy} table: payment-service's copy of reservation-service's reservations, written only
 * by the {@code reservation.events} consumer ({@link #apply}) and read by payments ({@link #find}), which thus
 * call nobody to learn what they charge.
 */
@Repository
public class ReservationCopy {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReservationCopy(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The reservation as copied so far; empty until its first event arrived. No transaction is needed. */
    public Optional<CopiedReservation> find(UUID reservationId) {
        return jdbc.sql("SELECT * FROM reservation_copy WHERE id = :id").param("id", reservationId)
                .query(ReservationCopy::map).optional();
    }

    /**
     * Applies one event in the consumer's transaction (the one that also marks it processed). Idempotent and
     * indifferent to order ({@link ReservationCopyRules}); the row is locked while it is merged, so two
     * deliveries racing after a rebalance apply one after the other.
     *
     * @return whether the copy changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(EventEnvelope envelope, ReservationEvent event) {
        var fact = ReservationCopyRules.fact(event, envelope.version(), envelope.occurredAt());
        if (fact.isEmpty()) {
            return false;
        }
        // A hold is almost always its reservation's first event, so its row is not there yet: insert it at once
        // (one statement per hold instead of a locking SELECT that finds nothing, then the INSERT). If the row is
        // there already (a redelivery, a seat change's new hold, an event that overtook it), the insert does
        // nothing and the hold is locked and merged below like any other event.
        if (fact.get().details() != null
                && insert(ReservationCopyRules.merge(Optional.empty(), fact.get()).orElseThrow())) {
            return true;
        }
        // at most twice: the second pass only when a concurrent first event of the reservation inserted the row
        // between our read and our insert; it then exists, and is locked and merged like any other
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<CopiedReservation> current = jdbc.sql("SELECT * FROM reservation_copy WHERE id = :id FOR UPDATE")
                    .param("id", event.reservationId())
                    .query(ReservationCopy::map).optional();
            Optional<CopiedReservation> next = ReservationCopyRules.merge(current, fact.get());
            if (next.isEmpty()) {
                return false;
            }
            if (current.isPresent()) {
                update(next.get());
                return true;
            }
            if (insert(next.get())) {
                return true;
            }
        }
        throw new IllegalStateException("reservation " + event.reservationId() + " could be neither inserted nor read");
    }

    private boolean insert(CopiedReservation copy) {
        return jdbc.sql("""
                        INSERT INTO reservation_copy (id, user_id, event_id, status, version, total_amount,
                                                      hold_expires_at, event_title, held_version, changed_at, copied_at)
                        VALUES (:id, :userId, :eventId, :status, :version, :totalAmount, :holdExpiresAt, :eventTitle,
                                :heldVersion, :changedAt, :copiedAt)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", copy.id())
                .param("userId", copy.userId())
                .param("eventId", copy.eventId())
                .params(columns(copy))
                .update() == 1;
    }

    private void update(CopiedReservation copy) {
        jdbc.sql("""
                        UPDATE reservation_copy
                           SET status = :status, version = :version, total_amount = :totalAmount,
                               hold_expires_at = :holdExpiresAt, event_title = :eventTitle, held_version = :heldVersion,
                               changed_at = :changedAt, copied_at = :copiedAt
                         WHERE id = :id""")
                .param("id", copy.id())
                .params(columns(copy))
                .update();
    }

    private Map<String, Object> columns(CopiedReservation copy) {
        Map<String, Object> values = new HashMap<>();
        values.put("status", copy.status().name());
        values.put("version", copy.version());
        values.put("totalAmount", copy.totalAmount());
        values.put("holdExpiresAt", utc(copy.holdExpiresAt()));
        values.put("eventTitle", copy.eventTitle());
        values.put("heldVersion", copy.heldVersion());
        values.put("changedAt", utc(copy.changedAt()));
        values.put("copiedAt", utc(clock.instant()));
        return values;
    }

    private static CopiedReservation map(ResultSet rs, int row) throws SQLException {
        return new CopiedReservation(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                Status.valueOf(rs.getString("status")),
                rs.getLong("version"),
                rs.getObject("total_amount", Long.class),
                instant(rs, "hold_expires_at"),
                rs.getString("event_title"),
                rs.getObject("held_version", Long.class),
                instant(rs, "changed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
