package dev.tiketi.payment.core;

import dev.tiketi.events.EventPayload;
import dev.tiketi.events.PaymentFailed;
import dev.tiketi.events.PaymentRefunded;
import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that turns payment state changes into {@code payment.events}, through the outbox. Called inside the transaction
 * that made the change, with the payment as it is after it; its version is the event's version.
 */
@Component
class PaymentEvents {

    private final Outbox outbox;

    PaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

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

    private void append(EventPayload payload, long version) {
        outbox.append(payload, version);
    }
}
