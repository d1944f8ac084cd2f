package dev.tiketi.payment.core;

import dev.tiketi.payment.gateway.Approved;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Every state change of a payment, each in one short local transaction with the event it publishes (through
 * the outbox). A change applies only from the status it expects; a caller that lost a race (the reconciler
 * settled the payment first, a refund was already requested) gets an empty result and publishes nothing.
 * No method here talks to a PG: callers ask the PG first, outside any transaction, and record the answer here.
 */
@Service
public class PaymentTransitions {

    private static final Logger log = LoggerFactory.getLogger(PaymentTransitions.class);

    private final PaymentStore store;
    private final PaymentEvents events;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentTransitions(PaymentStore store, PaymentEvents events, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** PENDING → SUCCESS with {@code PaymentSucceeded}. */
    @Transactional
    public Optional<Payment> succeed(UUID paymentId, Approved approval) {
        Optional<Payment> changed = store.succeed(paymentId, approval.transactionId(), approval.approvedAt(), now());
        changed.ifPresent(payment -> {
            events.succeeded(payment);
            count(payment);
            log.info("Payment {} SUCCESS ({} KRW, reservation {})", payment.id(), payment.amount(),
                    payment.reservationId());
        });
        return changed;
    }

    /** PENDING → FAILED with {@code PaymentFailed}; nothing was charged. */
    @Transactional
    public Optional<Payment> fail(UUID paymentId, String code, String message) {
        Optional<Payment> changed = store.fail(paymentId, code, message, now());
        changed.ifPresent(payment -> {
            events.failed(payment);
            count(payment);
            log.info("Payment {} FAILED: {} ({})", payment.id(), code, message);
        });
        return changed;
    }

    /**
     * SUCCESS → REFUND_PENDING: the intent only, inside the caller's transaction (the saga consumer's, with
     * its inbox row); the refund worker asks the PG later. No event: nobody else needs to know yet.
     */
    @Transactional
    public Optional<Payment> requestRefund(UUID paymentId, String reason) {
        Optional<Payment> changed = store.requestRefund(paymentId, reason, now());
        changed.ifPresent(payment -> log.info("Payment {} REFUND_PENDING: {}", payment.id(), reason));
        return changed;
    }

    /** REFUND_PENDING → REFUNDED with {@code PaymentRefunded}, once the PG cancelled the charge. */
    @Transactional
    public Optional<Payment> refunded(UUID paymentId, Instant refundedAt) {
        Optional<Payment> changed = store.refunded(paymentId, refundedAt, now());
        changed.ifPresent(payment -> {
            events.refunded(payment);
            count(payment);
            log.info("Payment {} REFUNDED ({} KRW)", payment.id(), payment.amount());
        });
        return changed;
    }

    /** Prometheus: {@code tiketi_payments_total{outcome="SUCCESS|FAILED|REFUNDED", provider}}. */
    private void count(Payment payment) {
        Counter.builder("tiketi.payments")
                .description("Payments that reached an outcome")
                .tag("outcome", payment.status().name())
                .tag("provider", payment.provider())
                .register(meters)
                .increment();
    }

    private Instant now() {
        return clock.instant();
    }
}
