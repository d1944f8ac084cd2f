package dev.tiketi.payment.saga;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code reservation.events} (group {@code payment-service}) into the reservation copy and the refund saga,
 * one transaction per record ({@link ReservationEventsConsumer}). Offsets are committed after the records'
 * transactions (ack mode TIME, every 500 ms at most); a redelivery changes neither (versions, inbox). Failures go to
 * common-messaging's error handler: retried with back-off, then dead-lettered to {@code dlq.reservation.events};
 * malformed and inconsistent records are dead-lettered at once.
 */
@Component
class ReservationEventsListener {

    static final String ID = "payment-refund-saga";

    private final EventCodec codec;
    private final ReservationEventsConsumer consumer;

    ReservationEventsListener(EventCodec codec, ReservationEventsConsumer consumer) {
        this.codec = codec;
        this.consumer = consumer;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.RESERVATION_EVENTS)
    void onReservationEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = codec.decode(record.value());
        consumer.apply(envelope, codec.payload(envelope));
    }
}
