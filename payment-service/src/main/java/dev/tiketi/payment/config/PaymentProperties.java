package dev.tiketi.payment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code tiketi.payment.*}. Every default is in {@code application.yml}; these records only check the values.
 *
 * @param gateway         which PG charges: {@code simulated} (built-in stand-in) or {@code toss}
 * @param pgTimeout       how long any one PG call may take; after it the outcome counts as unknown
 * @param reservationWait how long a payment waits for a reservation its copy does not know yet (its hold's event
 *                        is still on the way) before it is refused with 503 and {@code Retry-After}
 */
@ConfigurationProperties("tiketi.payment")
public record PaymentProperties(
        GatewayKind gateway,
        Duration pgTimeout,
        CircuitBreaker circuitBreaker,
        InquiryRetry inquiryRetry,
        Simulated simulated,
        Toss toss,
        Reconcile reconcile,
        Refund refund,
        Duration reservationWait) {

    public PaymentProperties {
        Objects.requireNonNull(gateway, "tiketi.payment.gateway is required (simulated or toss)");
        positive(pgTimeout, "tiketi.payment.pg-timeout");
        Objects.requireNonNull(circuitBreaker, "tiketi.payment.circuit-breaker is required");
        Objects.requireNonNull(inquiryRetry, "tiketi.payment.inquiry-retry is required");
        Objects.requireNonNull(simulated, "tiketi.payment.simulated is required");
        Objects.requireNonNull(toss, "tiketi.payment.toss is required");
        Objects.requireNonNull(reconcile, "tiketi.payment.reconcile is required");
        Objects.requireNonNull(refund, "tiketi.payment.refund is required");
        positive(reservationWait, "tiketi.payment.reservation-wait");
        if (reconcile.pendingAfter().compareTo(pgTimeout) <= 0) {
            // reconciling a payment whose approval is still waiting for the PG would fail a payment the PG
            // may yet approve
            throw new IllegalArgumentException("tiketi.payment.reconcile.pending-after (" + reconcile.pendingAfter()
                    + ") must be longer than tiketi.payment.pg-timeout (" + pgTimeout + ")");
        }
    }

    public enum GatewayKind { SIMULATED, TOSS }

    /** The breaker around every PG call; timeouts and errors count as failures, declines do not. */
    public record CircuitBreaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                                 Duration waitInOpenState, int permittedCallsInHalfOpenState) {

        public CircuitBreaker {
            if (failureRateThreshold <= 0 || failureRateThreshold > 100 || slidingWindowSize < 1
                    || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
                throw new IllegalArgumentException("tiketi.payment.circuit-breaker: invalid settings");
            }
            positive(waitInOpenState, "tiketi.payment.circuit-breaker.wait-in-open-state");
        }
    }

    /** Inquiries (idempotent) are retried at once: {@code attempts} in all, {@code backoff} apart. */
    public record InquiryRetry(int attempts, Duration backoff) {

        public InquiryRetry {
            if (attempts < 1) {
                throw new IllegalArgumentException("tiketi.payment.inquiry-retry.attempts must be at least 1");
            }
            Objects.requireNonNull(backoff, "tiketi.payment.inquiry-retry.backoff is required");
        }
    }

    /** The simulated PG's test cards: how slow the slow one is, how long the hanging one hangs. */
    public record Simulated(Duration slowLatency, Duration hang) {

        public Simulated {
            Objects.requireNonNull(slowLatency, "tiketi.payment.simulated.slow-latency is required");
            Objects.requireNonNull(hang, "tiketi.payment.simulated.hang is required");
        }
    }

    /** Toss Payments: API base URL and secret key (HTTP Basic user name, empty password). */
    public record Toss(String baseUrl, String secretKey, Duration connectTimeout) {

        public Toss {
            Objects.requireNonNull(baseUrl, "tiketi.payment.toss.base-url is required");
            Objects.requireNonNull(secretKey, "tiketi.payment.toss.secret-key is required");
            positive(connectTimeout, "tiketi.payment.toss.connect-timeout");
        }

        @Override
        public String toString() {
            return "Toss[baseUrl=" + baseUrl + ", secretKey=[REDACTED]]";
        }
    }

    /**
     * @param pendingAfter a payment PENDING this long lost its PG answer and is inquired about; must exceed
     *                     the PG timeout so that a request still waiting for its answer is not raced
     * @param backoff      wait before the next inquiry after one that settled nothing, doubled each time up to
     *                     {@code maxBackoff}
     */
    public record Reconcile(boolean enabled, Duration interval, Duration pendingAfter, Duration backoff,
                            Duration maxBackoff, int batchSize) {

        public Reconcile {
            positive(interval, "tiketi.payment.reconcile.interval");
            positive(pendingAfter, "tiketi.payment.reconcile.pending-after");
            positive(backoff, "tiketi.payment.reconcile.backoff");
            positive(maxBackoff, "tiketi.payment.reconcile.max-backoff");
            if (batchSize < 1) {
                throw new IllegalArgumentException("tiketi.payment.reconcile.batch-size must be at least 1");
            }
        }
    }

    /** @param backoff wait before retrying a failed PG cancel, doubled each attempt up to {@code maxBackoff} */
    public record Refund(boolean enabled, Duration interval, Duration backoff, Duration maxBackoff, int batchSize) {

        public Refund {
            positive(interval, "tiketi.payment.refund.interval");
            positive(backoff, "tiketi.payment.refund.backoff");
            positive(maxBackoff, "tiketi.payment.refund.max-backoff");
            if (batchSize < 1) {
                throw new IllegalArgumentException("tiketi.payment.refund.batch-size must be at least 1");
            }
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
