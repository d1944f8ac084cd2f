package dev.tiketi.events;

import java.util.UUID;

/**
 * The body of an event. Sealed so that {@link EventTypes} provably knows every payload and a consumer's
 * {@code switch} over a topic's payloads is checked for completeness by the compiler.
 */
public sealed interface EventPayload permits ReservationEvent, PaymentEvent, CatalogEvent {

    /** The aggregate the event belongs to: the envelope's aggregate id and the record's Kafka key. */
    UUID aggregateId();

    String aggregateType();

    /** The topic this payload is published on. */
    String topic();

    UUID userId();
}
