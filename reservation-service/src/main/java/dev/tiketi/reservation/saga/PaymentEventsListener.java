package dev.tiketi.reservation.saga;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.EventPayload;
import dev.tiketi.events.MalformedEventException;
import dev.tiketi.events.PaymentEvent;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code payment.events} (consumer group {@code reservation-service}) and applies each to its
 * reservation. Offsets are committed after the records' transactions (ack mode TIME, every 500 ms at most), so a
 * crash in between is a redelivery the inbox recognises. Failures go to common-messaging's error handler: retried if
 * they may pass, dead-lettered to {@code dlq.payment.events} if the record can never be processed.
 */
@Component
class PaymentEventsListener {

    private final EventCodec codec;
    private final PaymentSaga saga;

    PaymentEventsListener(EventCodec codec, PaymentSaga saga) {
        this.codec = codec;
        this.saga = saga;
    }

    @KafkaListener(id = "payment-saga", idIsGroup = false, topics = Topics.PAYMENT_EVENTS)
    void onPaymentEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = codec.decode(record.value());
        EventPayload payload = codec.payload(envelope);
        if (!(payload instanceof PaymentEvent event)) {
            throw new MalformedEventException("event " + envelope.eventId() + " of type " + envelope.eventType()
                    + " does not belong on " + Topics.PAYMENT_EVENTS);
        }
        saga.apply(envelope, event);
    }
}
