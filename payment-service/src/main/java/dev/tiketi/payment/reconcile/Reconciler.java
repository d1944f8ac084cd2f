package dev.tiketi.payment.reconcile;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.payment.core.Backoff;
import dev.tiketi.payment.core.Claimed;
import dev.tiketi.payment.core.Payment;
import dev.tiketi.payment.core.PaymentStore;
import dev.tiketi.payment.core.PaymentTransitions;
import dev.tiketi.payment.gateway.Approved;
import dev.tiketi.payment.gateway.Declined;
import dev.tiketi.payment.gateway.GatewayException;
import dev.tiketi.payment.gateway.GuardedPaymentGateway;
import dev.tiketi.payment.gateway.InquiryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Settles payments left PENDING because the PG's answer was lost or late: asks the PG about the order (our
 * payment id) and records what it says — approved: SUCCESS with PaymentSucceeded; no money held for it
 * (declined, never received, cancelled): FAILED with PaymentFailed; no answer or still undecided: ask again
 * later, backing off. Safe on several instances at once: each pass claims its payments with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, and the inquiry runs outside any transaction.
 */
@Component
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final PaymentStore store;
    private final PaymentTransitions transitions;
    private final GuardedPaymentGateway gateway;
    private final PaymentProperties.Reconcile settings;
    private final Duration lease;
    private final Clock clock;

    Reconciler(PaymentStore store, PaymentTransitions transitions, GuardedPaymentGateway gateway,
               PaymentProperties properties, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.gateway = gateway;
        this.settings = properties.reconcile();
        // long enough for an inquiry with its retries; an instance that dies meanwhile leaves the payment
        // to the others once the lease has run out
        this.lease = properties.pgTimeout().multipliedBy(properties.inquiryRetry().attempts() + 1L);
        this.clock = clock;
    }

    /** One pass over the stale PENDING payments due for a check; returns how many were looked at. */
    public int runOnce() {
        Instant now = clock.instant();
        List<Claimed> due = store.claimStalePending(now.minus(settings.pendingAfter()), now, now.plus(lease),
                settings.batchSize());
        due.forEach(this::settle);
        return due.size();
    }

    private void settle(Claimed claimed) {
        Payment payment = claimed.payment();
        try {
            InquiryResult answer = gateway.inquire(payment.orderId());
            switch (answer) {
                case Approved approved -> transitions.succeed(payment.id(), approved);
                case Declined declined -> transitions.fail(payment.id(), declined.code(), declined.message());
                case InquiryResult.InProgress inProgress -> postpone(claimed, "the PG says " + inProgress.state());
            }
        } catch (GatewayException e) {
            postpone(claimed, e.failure() + ": " + e.getMessage());
        }
    }

    private void postpone(Claimed claimed, String why) {
        Instant now = clock.instant();
        Duration wait = Backoff.after(claimed.attempts() + 1, settings.backoff(), settings.maxBackoff());
        store.postponeCheck(claimed.payment().id(), now.plus(wait), now);
        log.warn("Payment {} still PENDING after inquiry {} ({}); asking again in {}", claimed.payment().id(),
                claimed.attempts() + 1, why, wait);
    }
}
