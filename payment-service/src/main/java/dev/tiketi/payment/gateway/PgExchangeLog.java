package dev.tiketi.payment.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records every request to a PG and its answer, redacted, in {@code pg_exchanges} and as a log line. A
 * failure to record never fails the payment: the record is an audit trail, not part of the flow. Written
 * outside any payment transaction (autocommit), so it stays even when the caller's work is rolled back.
 */
public class PgExchangeLog {

    private static final Logger log = LoggerFactory.getLogger(PgExchangeLog.class);

    private final JdbcClient jdbc;
    private final Redaction redaction;
    private final Clock clock;

    public PgExchangeLog(JdbcClient jdbc, Redaction redaction, Clock clock) {
        this.jdbc = jdbc;
        this.redaction = redaction;
        this.clock = clock;
    }

    /**
     * Starts timing one exchange.
     *
     * @param request what was sent, as text (method, path, headers, body); redacted when recorded
     */
    public Exchange begin(String provider, String operation, String orderId, String request) {
        return new Exchange(provider, operation, orderId, request, System.nanoTime());
    }

    /** One request in flight; {@link #finish} records it once its answer (or failure) is known. */
    public final class Exchange {

        private final String provider;
        private final String operation;
        private final String orderId;
        private final String request;
        private final long startedAt;

        private Exchange(String provider, String operation, String orderId, String request, long startedAt) {
            this.provider = provider;
            this.operation = operation;
            this.orderId = orderId;
            this.request = request;
            this.startedAt = startedAt;
        }

        /**
         * @param httpStatus the PG's HTTP status, null when there was none (in-process PG, no answer)
         * @param response   the answer as text, null when there was none
         * @param outcome    what it meant: APPROVED, DECLINED, CANCELLED, NOT_FOUND, TIMEOUT, TRANSPORT_ERROR, ...
         */
        public void finish(Integer httpStatus, String response, String outcome) {
            Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
            String safeRequest = redaction.apply(request);
            String safeResponse = redaction.apply(response);
            log.info("PG {} {} order {} -> {} (HTTP {}, {} ms) request: {} response: {}", provider, operation, orderId,
                    outcome, httpStatus == null ? "-" : httpStatus, took.toMillis(), oneLine(safeRequest),
                    oneLine(safeResponse));
            try {
                jdbc.sql("""
                                INSERT INTO pg_exchanges (payment_id, provider, operation, request, response, http_status,
                                                          outcome, duration_ms, created_at)
                                VALUES (:paymentId, :provider, :operation, :request, :response, :httpStatus, :outcome,
                                        :durationMs, :now)""")
                        .param("paymentId", UUID.fromString(orderId))
                        .param("provider", provider)
                        .param("operation", operation)
                        .param("request", safeRequest)
                        .param("response", safeResponse)
                        .param("httpStatus", httpStatus)
                        .param("outcome", outcome)
                        .param("durationMs", took.toMillis())
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .update();
            } catch (RuntimeException e) {
                log.warn("Could not record the PG exchange for order {}: {}", orderId, e.toString());
            }
        }
    }

    private static String oneLine(String text) {
        return text == null ? "-" : text.replaceAll("\\s*\\R\\s*", " ");
    }
}
