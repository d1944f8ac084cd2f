package dev.tiketi.events;

import java.util.UUID;

/** An admin closed the sale early: its end moved to now; the event is ENDED for sales. */
public record SaleClosed(UUID eventId, CatalogFacts facts) implements CatalogEvent {

    public static final String TYPE = "SaleClosed";

    public SaleClosed {
        Fields.required(eventId, "eventId");
        Fields.required(facts, "facts");
    }
}
