package dev.tiketi.payment.saga;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code reservation.events} (group {@code payment-service}). The offset is committed after the
 * record's transaction (ack mode RECORD); a redelivery is skipped by the inbox. Failures go to
 * common-messaging's error handler: retried with back-off, then dead-lettered to {@code dlq.reservation.events};
 * malformed and inconsistent records are dead-lettered at once.
 */
@Component
class ReservationEventsListener {

    static final String ID = "payment-refund-saga";

    private final EventCodec codec;
    private final RefundSaga saga;

    ReservationEventsListener(EventCodec codec, RefundSaga saga) {
        this.codec = codec;
        this.saga = saga;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.RESERVATION_EVENTS)
    void onReservationEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = codec.decode(record.value());
        saga.apply(envelope, codec.payload(envelope));
    }
}
