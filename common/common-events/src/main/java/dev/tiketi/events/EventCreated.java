package dev.tiketi.events;

import java.util.UUID;

/** The event was created with its seats (generated from its hall's template). */
public record EventCreated(UUID eventId, CatalogFacts facts) implements CatalogEvent {

    public static final String TYPE = "EventCreated";

    public EventCreated {
        Fields.required(eventId, "eventId");
        Fields.required(facts, "facts");
    }
}
