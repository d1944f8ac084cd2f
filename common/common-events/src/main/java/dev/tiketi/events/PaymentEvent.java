package dev.tiketi.events;

import java.util.UUID;

/** Events of a payment, published on {@link Topics#PAYMENT_EVENTS}. */
public sealed interface PaymentEvent extends EventPayload
        permits PaymentSucceeded, PaymentFailed, PaymentRefunded {

    String AGGREGATE_TYPE = "Payment";

    UUID paymentId();

    UUID reservationId();

    /** In KRW. */
    long amount();

    @Override
    default UUID aggregateId() {
        return paymentId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default String topic() {
        return Topics.PAYMENT_EVENTS;
    }
}
