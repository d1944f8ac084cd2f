package dev.tiketi.payment.saga;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Reads {@code reservation.events} (group {@code payment-service}) into the reservation copy and the refund saga
 * ({@link ReservationEventsConsumer}), the records of one poll in one transaction: under a sale's load a poll brings
 * several holds, and a transaction (and a commit waiting for its WAL flush) per hold was most of what a hold cost this
 * service. Offsets are committed after the transaction (ack mode TIME, every 500 ms at most); a redelivery changes
 * neither the copy nor the saga (versions, inbox).
 * <p>
 * If the batch fails, it is rolled back and its records are applied again one transaction each, so that those before
 * the failing one are kept and common-messaging's error handler is told which record failed: that one is retried with
 * back-off, then dead-lettered to {@code dlq.reservation.events}, malformed and inconsistent records at once; the
 * records after it come again with the next poll.
 */
@Component
class ReservationEventsListener {

    static final String ID = "payment-refund-saga";

    private static final Logger log = LoggerFactory.getLogger(ReservationEventsListener.class);

    private final EventCodec codec;
    private final ReservationEventsConsumer consumer;
    private final TransactionTemplate transactions;

    ReservationEventsListener(EventCodec codec, ReservationEventsConsumer consumer, TransactionTemplate transactions) {
        this.codec = codec;
        this.consumer = consumer;
        this.transactions = transactions;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.RESERVATION_EVENTS, batch = "true")
    void onReservationEvents(List<ConsumerRecord<String, byte[]>> records) {
        try {
            transactions.executeWithoutResult(status -> records.forEach(this::apply));
        } catch (RuntimeException batchFailed) {
            log.debug("A poll of {} records failed as one transaction ({}); applying them one at a time",
                    records.size(), batchFailed.toString());
            for (int i = 0; i < records.size(); i++) {
                try {
                    apply(records.get(i));
                } catch (RuntimeException recordFailed) {
                    throw new BatchListenerFailedException(recordFailed.getMessage(), recordFailed, i);
                }
            }
        }
    }

    /** In the caller's transaction, or in one of its own ({@link ReservationEventsConsumer#apply}). */
    private void apply(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = codec.decode(record.value());
        consumer.apply(envelope, codec.payload(envelope));
    }
}
