package dev.tiketi.events;

import java.util.UUID;

/** An admin changed the event's details or times. */
public record EventChanged(UUID eventId, CatalogFacts facts) implements CatalogEvent {

    public static final String TYPE = "EventChanged";

    public EventChanged {
        Fields.required(eventId, "eventId");
        Fields.required(facts, "facts");
    }
}
