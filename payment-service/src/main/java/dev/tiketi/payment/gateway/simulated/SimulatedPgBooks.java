package dev.tiketi.payment.gateway.simulated;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated PG's own records ({@code sim_pg_transactions}): the charges it approved and cancelled. They
 * play the part of a remote PG's database, so they are written as the PG acts (autocommit, no transaction of
 * ours) and survive a restart of payment-service; nothing else reads them.
 */
class SimulatedPgBooks {

    enum Status { APPROVED, CANCELLED }

    record Charge(String orderId, String transactionId, long amount, Status status, Instant approvedAt,
                  Instant cancelledAt) {
    }

    private final JdbcClient jdbc;

    SimulatedPgBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the approval once per order; approving an order again returns the first approval. */
    Charge approve(String orderId, long amount, String cardLast4, Instant now) {
        jdbc.sql("""
                        INSERT INTO sim_pg_transactions (order_id, transaction_id, amount, card_last4, status, approved_at)
                        VALUES (:orderId, :transactionId, :amount, :cardLast4, 'APPROVED', :now)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("orderId", orderId)
                .param("transactionId", "sim_" + UUID.randomUUID().toString().replace("-", ""))
                .param("amount", amount)
                .param("cardLast4", cardLast4)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return find(orderId).orElseThrow();
    }

    Optional<Charge> find(String orderId) {
        return jdbc.sql("SELECT * FROM sim_pg_transactions WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query(SimulatedPgBooks::charge).optional();
    }

    /** Cancels the charge (a second cancel changes nothing); empty if there is no such charge. */
    Optional<Charge> cancel(String orderId, String transactionId, String reason, Instant now) {
        jdbc.sql("""
                        UPDATE sim_pg_transactions SET status = 'CANCELLED', cancelled_at = :now, cancel_reason = :reason
                         WHERE order_id = :orderId AND transaction_id = :transactionId AND status = 'APPROVED'""")
                .param("orderId", orderId)
                .param("transactionId", transactionId)
                .param("reason", reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return find(orderId).filter(charge -> charge.transactionId().equals(transactionId));
    }

    private static Charge charge(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime cancelledAt = rs.getObject("cancelled_at", OffsetDateTime.class);
        return new Charge(rs.getString("order_id"), rs.getString("transaction_id"), rs.getLong("amount"),
                Status.valueOf(rs.getString("status")),
                rs.getObject("approved_at", OffsetDateTime.class).toInstant(),
                cancelledAt == null ? null : cancelledAt.toInstant());
    }
}
