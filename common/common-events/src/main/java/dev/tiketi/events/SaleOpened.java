package dev.tiketi.events;

import java.util.UUID;

/** An admin opened the sale early: its start moved to now. */
public record SaleOpened(UUID eventId, CatalogFacts facts) implements CatalogEvent {

    public static final String TYPE = "SaleOpened";

    public SaleOpened {
        Fields.required(eventId, "eventId");
        Fields.required(facts, "facts");
    }
}
