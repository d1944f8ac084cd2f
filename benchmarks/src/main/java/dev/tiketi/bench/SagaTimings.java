package dev.tiketi.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The saga's timings as the services recorded them, read from their tables (each with its own role) after a run:
 * how long a booking took from its payment's approval (payment-service's {@code approved_at}) to CONFIRMED
 * (reservation-service's {@code confirmed_at}), and how long events waited in each outbox before the relay
 * published them. Gatling sees only the HTTP answers; the saga runs behind them, over Kafka.
 */
final class SagaTimings {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final BenchConfig config;

    SagaTimings(BenchConfig config) {
        this.config = config;
    }

    /**
     * @param approved       payments of the event approved in the window
     * @param confirmed      of those, bookings CONFIRMED by now
     * @param toConfirmed    approval → CONFIRMED, in ms, sorted
     * @param outboxLag      created → published, in ms, sorted, for both outboxes' events created in the window
     * @param unpublished    outbox events created in the window and not yet published
     */
    record Findings(int approved, int confirmed, List<Long> toConfirmed, List<Long> outboxLag, long unpublished) {

        List<String> report() {
            return List.of(
                    String.format(Locale.ROOT, "saga: %,d payments approved in the measured window, %,d bookings"
                            + " CONFIRMED (%s)", approved, confirmed, approved == confirmed ? "all converged"
                            : "NOT CONVERGED"),
                    "payment approved → booking CONFIRMED, ms: " + percentiles(toConfirmed),
                    String.format(Locale.ROOT, "outbox created → published, ms (both outboxes, %,d events, %d"
                            + " unpublished): %s", outboxLag.size(), unpublished, percentiles(outboxLag)));
        }

        private static String percentiles(List<Long> sorted) {
            if (sorted.isEmpty()) {
                return "no samples";
            }
            return String.format(Locale.ROOT, "p50 %d / p95 %d / p99 %d / max %d", at(sorted, 0.50),
                    at(sorted, 0.95), at(sorted, 0.99), sorted.getLast());
        }

        private static long at(List<Long> sorted, double quantile) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
        }
    }

    /** Reads once every approved payment's booking is CONFIRMED, or after a minute, whichever comes first. */
    Findings whenSettled(UUID eventId, Instant from, Instant to) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Findings findings = read(eventId, from, to);
        while (findings.confirmed() < findings.approved() && System.nanoTime() < deadline) {
            Pause.pause(Duration.ofSeconds(1));
            findings = read(eventId, from, to);
        }
        return findings;
    }

    private Findings read(UUID eventId, Instant from, Instant to) {
        Map<String, Instant> approvedAt = new HashMap<>();
        List<Long> outboxLag = new ArrayList<>();
        long unpublished = 0;
        try (Connection payments = config.connectAs("payment_service");
             Connection reservations = config.connectAs("reservation_service")) {
            try (PreparedStatement query = payments.prepareStatement("SELECT reservation_id, approved_at FROM payments"
                    + " WHERE event_id = ? AND approved_at >= ? AND approved_at < ?")) {
                query.setObject(1, eventId);
                query.setTimestamp(2, Timestamp.from(from));
                query.setTimestamp(3, Timestamp.from(to));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        approvedAt.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    }
                }
            }
            List<Long> toConfirmed = new ArrayList<>();
            try (PreparedStatement query = reservations.prepareStatement("SELECT id, confirmed_at FROM reservations"
                    + " WHERE event_id = ? AND status = 'CONFIRMED'")) {
                query.setObject(1, eventId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Instant approved = approvedAt.get(rows.getString(1));
                        if (approved != null) {
                            toConfirmed.add(Duration.between(approved, rows.getTimestamp(2).toInstant()).toMillis());
                        }
                    }
                }
            }
            for (Connection outbox : List.of(payments, reservations)) {
                unpublished += outboxLag(outbox, from, to, outboxLag);
            }
            toConfirmed.sort(null);
            outboxLag.sort(null);
            return new Findings(approvedAt.size(), toConfirmed.size(), toConfirmed, outboxLag, unpublished);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the saga's timings: " + e.getMessage(), e);
        }
    }

    /** Adds the publication delays of the window's events to {@code lags}; returns how many are unpublished. */
    private static long outboxLag(Connection db, Instant from, Instant to, List<Long> lags) throws SQLException {
        long unpublished = 0;
        try (PreparedStatement query = db.prepareStatement("SELECT created_at, published_at FROM outbox"
                + " WHERE created_at >= ? AND created_at < ?")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp published = rows.getTimestamp(2);
                    if (published == null) {
                        unpublished++;
                    } else {
                        lags.add(Duration.between(rows.getTimestamp(1).toInstant(), published.toInstant()).toMillis());
                    }
                }
            }
        }
        return unpublished;
    }
}
