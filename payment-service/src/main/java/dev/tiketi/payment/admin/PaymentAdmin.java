package dev.tiketi.payment.admin;

import dev.tiketi.payment.core.PaymentStatus;
import dev.tiketi.payment.core.PaymentStore;
import dev.tiketi.payment.core.PaymentView;
import dev.tiketi.web.problem.ApiException;
import dev.tiketi.web.time.ReportPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What admins read of payments beyond the lookup: one payment with its PG log, and outcomes over a period. */
@Service
class PaymentAdmin {

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentAdmin(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    AdminPaymentDetail detail(UUID paymentId) {
        PaymentView payment = jdbc.sql("SELECT * FROM payments WHERE id = :id").param("id", paymentId)
                .query(PaymentStore::map).optional().map(PaymentView::of)
                .orElseThrow(() -> ApiException.notFound("payment-not-found", "There is no such payment."));
        List<PgExchangeView> exchanges = jdbc.sql("""
                        SELECT id, provider, operation, request, response, http_status, outcome, duration_ms, created_at
                          FROM pg_exchanges WHERE payment_id = :id ORDER BY id""")
                .param("id", paymentId).query(PaymentAdmin::exchange).list();
        return new AdminPaymentDetail(payment, exchanges);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    PaymentOutcomes outcomes(ZoneId zone, LocalDate from, LocalDate to, UUID eventId) {
        ReportPeriod period = ReportPeriod.of(zone, from, to, clock);
        return new PaymentOutcomes(zone.getId(), eventId, period.from(), period.to(),
                byStatus(period.startOfToday(), period.endOfToday(), eventId),
                byStatus(period.start(), period.end(), eventId),
                jdbc.sql("""
                                SELECT coalesce(failure_code, 'UNKNOWN') AS code, count(*) AS payments FROM payments
                                 WHERE status = 'FAILED' AND created_at >= :from AND created_at < :to""" + ofEvent(eventId)
                                + " GROUP BY 1 ORDER BY 2 DESC, 1")
                        .params(params(period.start(), period.end(), eventId))
                        .query((rs, n) -> new PaymentOutcomes.FailureCount(rs.getString("code"), rs.getLong("payments")))
                        .list());
    }

    private List<PaymentOutcomes.StatusCount> byStatus(Instant from, Instant to, UUID eventId) {
        Map<String, PaymentOutcomes.StatusCount> counted = new HashMap<>();
        jdbc.sql("SELECT status, count(*) AS payments, coalesce(sum(amount), 0) AS amount FROM payments "
                        + "WHERE created_at >= :from AND created_at < :to" + ofEvent(eventId) + " GROUP BY status")
                .params(params(from, to, eventId))
                .query(rs -> {
                    counted.put(rs.getString("status"), new PaymentOutcomes.StatusCount(rs.getString("status"),
                            rs.getLong("payments"), rs.getLong("amount")));
                });
        return Arrays.stream(PaymentStatus.values()).map(Enum::name)
                .map(status -> counted.getOrDefault(status, new PaymentOutcomes.StatusCount(status, 0, 0)))
                .toList();
    }

    private static String ofEvent(UUID eventId) {
        return eventId == null ? "" : " AND event_id = :eventId";
    }

    private static Map<String, Object> params(Instant from, Instant to, UUID eventId) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from.atOffset(ZoneOffset.UTC));
        params.put("to", to.atOffset(ZoneOffset.UTC));
        if (eventId != null) {
            params.put("eventId", eventId);
        }
        return params;
    }

    private static PgExchangeView exchange(ResultSet rs, int row) throws SQLException {
        return new PgExchangeView(rs.getLong("id"), rs.getString("provider"), rs.getString("operation"),
                rs.getString("request"), rs.getString("response"), rs.getObject("http_status", Integer.class),
                rs.getString("outcome"), rs.getLong("duration_ms"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
