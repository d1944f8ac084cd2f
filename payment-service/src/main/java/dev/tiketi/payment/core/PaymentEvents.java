package dev.tiketi.payment.core;

import dev.tiketi.events.EventPayload;
import dev.tiketi.events.PaymentFailed;
import dev.tiketi.events.PaymentRefunded;
import dev.tiketi.events.PaymentSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that turns payment state changes into {@code payment.events}. Called inside the transaction
 * that made the change, with the payment as it is after it; its version is the event's version.
 */
@Component
class PaymentEvents {

    private static final Logger log = LoggerFactory.getLogger(PaymentEvents.class);

    @Transactional(propagation = Propagation.MANDATORY)
    void succeeded(Payment payment) {
        append(new PaymentSucceeded(payment.id(), payment.reservationId(), payment.userId(), payment.amount(),
                payment.provider(), payment.approvedAt()), payment.version());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void failed(Payment payment) {
        append(new PaymentFailed(payment.id(), payment.reservationId(), payment.userId(), payment.amount(),
                payment.failureCode()), payment.version());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void refunded(Payment payment) {
        append(new PaymentRefunded(payment.id(), payment.reservationId(), payment.userId(), payment.amount(),
                payment.refundReason(), payment.refundedAt()), payment.version());
    }

    // Interim until the shared outbox (common-messaging) is merged: the event is only logged.
    private void append(EventPayload payload, long version) {
        log.info("Payment event {} v{} for payment {}", payload.getClass().getSimpleName(), version,
                payload.aggregateId());
    }
}
