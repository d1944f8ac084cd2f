package dev.tiketi.reservation.cancellation;

import dev.tiketi.events.CatalogEvent;
import dev.tiketi.events.EventCancelled;
import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.EventPayload;
import dev.tiketi.events.MalformedEventException;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code event.events} (consumer group {@code reservation-service}) for the cancellation saga: only a
 * cancellation changes anything here; the copy of the catalog reads the same topic in a group of its own
 * ({@code dev.tiketi.reservation.catalog.CatalogCopyListener}). Failures go to common-messaging's error
 * handler: retried, then dead-lettered to {@code dlq.event.events}.
 */
@Component
class CatalogEventsListener {

    private final EventCodec codec;
    private final EventCancellations cancellations;

    CatalogEventsListener(EventCodec codec, EventCancellations cancellations) {
        this.codec = codec;
        this.cancellations = cancellations;
    }

    @KafkaListener(id = "event-cancellation", idIsGroup = false, topics = Topics.EVENT_EVENTS)
    void onCatalogEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = codec.decode(record.value());
        EventPayload payload = codec.payload(envelope);
        if (!(payload instanceof CatalogEvent event)) {
            throw new MalformedEventException("event " + envelope.eventId() + " of type " + envelope.eventType()
                    + " does not belong on " + Topics.EVENT_EVENTS);
        }
        if (event instanceof EventCancelled cancelled) {
            cancellations.apply(envelope, cancelled);
        }
    }
}
