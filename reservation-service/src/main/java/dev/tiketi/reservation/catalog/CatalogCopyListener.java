package dev.tiketi.reservation.catalog;

import dev.tiketi.events.CatalogEvent;
import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.EventPayload;
import dev.tiketi.events.MalformedEventException;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the copy of the catalog from {@code event.events}, in a consumer group of its own
 * ({@value #GROUP}): a new group starts at the topic's first offset (common-messaging's
 * {@code auto-offset-reset: earliest}), so a fresh deployment builds the whole copy, and the copy is
 * independent of the cancellation saga's progress on the same topic. Failures go to common-messaging's error
 * handler: retried, then dead-lettered to {@code dlq.event.events}.
 */
@Component
class CatalogCopyListener {

    static final String GROUP = "reservation-service.catalog-copy";

    private final EventCodec codec;
    private final CatalogCopy copy;

    CatalogCopyListener(EventCodec codec, CatalogCopy copy) {
        this.codec = codec;
        this.copy = copy;
    }

    @KafkaListener(id = "catalog-copy", groupId = GROUP, topics = Topics.EVENT_EVENTS)
    void onCatalogEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = codec.decode(record.value());
        copy.apply(envelope, catalogEvent(codec, envelope));
    }

    static CatalogEvent catalogEvent(EventCodec codec, EventEnvelope envelope) {
        EventPayload payload = codec.payload(envelope);
        if (!(payload instanceof CatalogEvent event)) {
            throw new MalformedEventException("event " + envelope.eventId() + " of type " + envelope.eventType()
                    + " does not belong on " + Topics.EVENT_EVENTS);
        }
        return event;
    }
}
