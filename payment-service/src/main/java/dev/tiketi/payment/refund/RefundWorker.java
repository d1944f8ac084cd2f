package dev.tiketi.payment.refund;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.payment.core.Backoff;
import dev.tiketi.payment.core.Claimed;
import dev.tiketi.payment.core.Payment;
import dev.tiketi.payment.core.PaymentStore;
import dev.tiketi.payment.core.PaymentTransitions;
import dev.tiketi.payment.gateway.CancelRequest;
import dev.tiketi.payment.gateway.CancelResult;
import dev.tiketi.payment.gateway.GatewayException;
import dev.tiketi.payment.gateway.GuardedPaymentGateway;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Carries out the refunds the saga recorded (REFUND_PENDING): claims due payments ({@code FOR UPDATE SKIP
 * LOCKED}, a lease, the attempt counted), asks the PG to cancel each charge outside any transaction, then
 * records REFUNDED with PaymentRefunded. A PG error or refusal leaves the payment REFUND_PENDING for another
 * attempt after an exponentially growing pause; PG cancels are idempotent, so a retry never refunds twice.
 */
@Component
public class RefundWorker {

    private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);

    private final PaymentStore store;
    private final PaymentTransitions transitions;
    private final GuardedPaymentGateway gateway;
    private final PaymentProperties.Refund settings;
    private final Duration lease;
    private final Clock clock;
    private final Counter failedAttempts;

    RefundWorker(PaymentStore store, PaymentTransitions transitions, GuardedPaymentGateway gateway,
                 PaymentProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.transitions = transitions;
        this.gateway = gateway;
        this.settings = properties.refund();
        this.lease = properties.pgTimeout().multipliedBy(2);
        this.clock = clock;
        this.failedAttempts = Counter.builder("tiketi.payment.refund.failed.attempts")
                .description("PG cancel attempts that failed and will be retried")
                .register(meters);
    }

    /** One pass over the due refunds; returns how many were attempted. */
    public int runOnce() {
        Instant now = clock.instant();
        List<Claimed> due = store.claimDueRefunds(now, now.plus(lease), settings.batchSize());
        due.forEach(this::refund);
        return due.size();
    }

    private void refund(Claimed claimed) {
        Payment payment = claimed.payment();
        if (payment.providerTransactionId() == null) {
            postpone(claimed, "the payment has no PG transaction id to cancel");
            return;
        }
        try {
            var request = new CancelRequest(payment.orderId(), payment.providerTransactionId(), payment.amount(),
                    payment.refundReason());
            switch (gateway.cancel(request)) {
                case CancelResult.Cancelled cancelled -> transitions.refunded(payment.id(), cancelled.cancelledAt());
                case CancelResult.Refused refused -> postpone(claimed, "refused: " + refused.code() + " " + refused.message());
            }
        } catch (GatewayException e) {
            postpone(claimed, e.failure() + ": " + e.getMessage());
        }
    }

    private void postpone(Claimed claimed, String error) {
        Instant now = clock.instant();
        Duration wait = Backoff.after(claimed.attempts(), settings.backoff(), settings.maxBackoff());
        store.postponeRefund(claimed.payment().id(), now.plus(wait), error, now);
        failedAttempts.increment();
        log.warn("Refund of payment {} failed (attempt {}): {}; retrying in {}", claimed.payment().id(),
                claimed.attempts(), error, wait);
    }
}
