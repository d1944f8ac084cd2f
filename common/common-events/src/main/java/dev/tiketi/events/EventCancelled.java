package dev.tiketi.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin cancelled the event for good. reservation-service cancels every live reservation of it (holds
 * released, bookings cancelled with reason {@link #REASON} and refunded by payment-service).
 */
public record EventCancelled(UUID eventId, CatalogFacts facts, Instant cancelledAt) implements CatalogEvent {

    public static final String TYPE = "EventCancelled";

    /** The cancel reason of reservations cancelled because their event was. */
    public static final String REASON = "EVENT_CANCELLED";

    public EventCancelled {
        Fields.required(eventId, "eventId");
        Fields.required(facts, "facts");
        Fields.required(cancelledAt, "cancelledAt");
    }
}
