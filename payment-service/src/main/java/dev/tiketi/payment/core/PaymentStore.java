package dev.tiketi.payment.core;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The payments table. Every state change is a conditional update ({@code WHERE status = <expected>}) that
 * returns the changed row, so of two racing writers (the request thread and the reconciler, say) exactly
 * one wins and only the winner publishes an event.
 */
@Repository
public class PaymentStore {

    private final JdbcClient jdbc;

    public PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql("SELECT * FROM payments WHERE id = :id").param("id", id).query(PaymentStore::map).optional();
    }

    public Optional<Payment> findByKey(UUID userId, String paymentKey) {
        return jdbc.sql("SELECT * FROM payments WHERE user_id = :userId AND payment_key = :key")
                .param("userId", userId)
                .param("key", paymentKey)
                .query(PaymentStore::map).optional();
    }

    /** The reservation's payments, newest first. */
    public List<Payment> findByReservation(UUID reservationId) {
        return jdbc.sql("SELECT * FROM payments WHERE reservation_id = :id ORDER BY created_at DESC, id")
                .param("id", reservationId)
                .query(PaymentStore::map).list();
    }

    /**
     * Inserts a new payment (see {@link Payment#pending}) in its own transaction.
     *
     * @return false if the buyer already has a payment with this key (a concurrent request made it)
     * @throws org.springframework.dao.DuplicateKeyException if the reservation already has a PENDING or
     *                                                        SUCCESS payment under another key
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean insertPending(Payment payment) {
        return jdbc.sql("""
                        INSERT INTO payments (id, user_id, reservation_id, event_id, payment_key, amount, method, provider,
                                              order_name, card_last4, status, version, created_at, updated_at)
                        VALUES (:id, :userId, :reservationId, :eventId, :paymentKey, :amount, :method, :provider,
                                :orderName, :cardLast4, :status, :version, :createdAt, :createdAt)
                        ON CONFLICT (user_id, payment_key) DO NOTHING""")
                .param("id", payment.id())
                .param("userId", payment.userId())
                .param("reservationId", payment.reservationId())
                .param("eventId", payment.eventId())
                .param("paymentKey", payment.paymentKey())
                .param("amount", payment.amount())
                .param("method", payment.method().name())
                .param("provider", payment.provider())
                .param("orderName", payment.orderName())
                .param("cardLast4", payment.cardLast4())
                .param("status", payment.status().name())
                .param("version", payment.version())
                .param("createdAt", utc(payment.createdAt()))
                .update() == 1;
    }

    /** PENDING → SUCCESS; empty if the payment was not PENDING any more. */
    Optional<Payment> succeed(UUID id, String transactionId, Instant approvedAt, Instant now) {
        return move(id, PaymentStatus.PENDING, PaymentStatus.SUCCESS, now,
                "provider_transaction_id = :tx, approved_at = :approvedAt, next_check_at = NULL",
                Map.of("tx", transactionId, "approvedAt", utc(approvedAt)));
    }

    /** PENDING → FAILED; empty if the payment was not PENDING any more. */
    Optional<Payment> fail(UUID id, String code, String message, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("code", truncate(code, 64));
        values.put("message", truncate(message, 500));
        return move(id, PaymentStatus.PENDING, PaymentStatus.FAILED, now,
                "failure_code = :code, failure_message = :message, failed_at = :now, next_check_at = NULL", values);
    }

    /** SUCCESS → REFUND_PENDING, due for the refund worker at once; empty if the payment was not SUCCESS. */
    Optional<Payment> requestRefund(UUID id, String reason, Instant now) {
        return move(id, PaymentStatus.SUCCESS, PaymentStatus.REFUND_PENDING, now,
                "refund_reason = :reason, refund_requested_at = :now, next_refund_at = :now",
                Map.of("reason", truncate(reason, 64)));
    }

    /** REFUND_PENDING → REFUNDED; empty if the payment was not REFUND_PENDING. */
    Optional<Payment> refunded(UUID id, Instant refundedAt, Instant now) {
        return move(id, PaymentStatus.REFUND_PENDING, PaymentStatus.REFUNDED, now,
                "refunded_at = :refundedAt, next_refund_at = NULL, last_refund_error = NULL",
                Map.of("refundedAt", utc(refundedAt)));
    }

    /**
     * One state change: from {@code from} only, counting a version, with {@code set} (SQL assignments over
     * {@code values} and {@code :now}); the changed row, or empty if the payment was not in {@code from}.
     */
    private Optional<Payment> move(UUID id, PaymentStatus from, PaymentStatus to, Instant now, String set,
                                   Map<String, Object> values) {
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("a payment never moves from " + from + " to " + to);
        }
        return jdbc.sql("UPDATE payments SET status = :to, version = version + 1, updated_at = :now, " + set
                        + " WHERE id = :id AND status = :from RETURNING *")
                .params(values)
                .param("id", id)
                .param("from", from.name())
                .param("to", to.name())
                .param("now", utc(now))
                .query(PaymentStore::map).optional();
    }

    /**
     * Claims PENDING payments created before {@code createdBefore} and due for a check: they are locked with
     * {@code SKIP LOCKED} (another instance takes others) and their next check is moved to {@code leaseUntil},
     * so that once this short transaction commits no other instance picks them while the PG is asked.
     */
    @Transactional
    public List<Claimed> claimStalePending(Instant createdBefore, Instant now, Instant leaseUntil, int limit) {
        List<Claimed> due = jdbc.sql("""
                        SELECT * FROM payments
                         WHERE status = 'PENDING' AND created_at <= :createdBefore
                           AND (next_check_at IS NULL OR next_check_at <= :now)
                         ORDER BY created_at
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""")
                .param("createdBefore", utc(createdBefore))
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, row) -> new Claimed(map(rs, row), rs.getInt("check_attempts"))).list();
        due.forEach(claimed -> jdbc.sql("UPDATE payments SET next_check_at = :lease WHERE id = :id")
                .param("lease", utc(leaseUntil)).param("id", claimed.payment().id()).update());
        return due;
    }

    /** An inquiry could not settle the payment: count it and ask again at {@code nextCheckAt}. */
    public int postponeCheck(UUID id, Instant nextCheckAt, Instant now) {
        return jdbc.sql("""
                        UPDATE payments SET check_attempts = check_attempts + 1, next_check_at = :next, updated_at = :now
                         WHERE id = :id AND status = 'PENDING'""")
                .param("id", id)
                .param("next", utc(nextCheckAt))
                .param("now", utc(now))
                .update();
    }

    /** Claims REFUND_PENDING payments that are due, like {@link #claimStalePending}, counting the attempt. */
    @Transactional
    public List<Claimed> claimDueRefunds(Instant now, Instant leaseUntil, int limit) {
        List<Claimed> due = jdbc.sql("""
                        SELECT * FROM payments
                         WHERE status = 'REFUND_PENDING' AND next_refund_at <= :now
                         ORDER BY next_refund_at
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""")
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, row) -> new Claimed(map(rs, row), rs.getInt("refund_attempts") + 1)).list();
        due.forEach(claimed -> jdbc.sql("""
                        UPDATE payments SET next_refund_at = :lease, refund_attempts = refund_attempts + 1 WHERE id = :id""")
                .param("lease", utc(leaseUntil)).param("id", claimed.payment().id()).update());
        return due;
    }

    /** A refund attempt failed: keep the error and try again at {@code nextAttemptAt}. */
    public int postponeRefund(UUID id, Instant nextAttemptAt, String error, Instant now) {
        return jdbc.sql("""
                        UPDATE payments SET next_refund_at = :next, last_refund_error = :error, updated_at = :now
                         WHERE id = :id AND status = 'REFUND_PENDING'""")
                .param("id", id)
                .param("next", utc(nextAttemptAt))
                .param("error", truncate(error, 500))
                .param("now", utc(now))
                .update();
    }

    /** Maps a {@code payments} row; also for the read side (queries). */
    public static Payment map(ResultSet rs, int rowNum) throws SQLException {
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("reservation_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("payment_key"),
                rs.getLong("amount"),
                PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("provider"),
                rs.getString("order_name"),
                rs.getString("card_last4"),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                rs.getString("provider_transaction_id"),
                rs.getString("failure_code"),
                rs.getString("failure_message"),
                instant(rs, "approved_at"),
                instant(rs, "failed_at"),
                rs.getString("refund_reason"),
                instant(rs, "refund_requested_at"),
                instant(rs, "refunded_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
