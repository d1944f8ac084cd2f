package dev.tiketi.events;

import java.util.UUID;

/**
 * Events of a catalog event (a concert, a musical, ...), published by event-service on
 * {@link Topics#EVENT_EVENTS}. Every payload carries the event's facts as they are after the change
 * ({@link CatalogFacts}), so a consumer can keep a local copy of the catalog from these events alone, whatever
 * it missed before: the newest version wins.
 */
public sealed interface CatalogEvent extends EventPayload
        permits EventCreated, EventChanged, SaleOpened, SaleClosed, EventCancelled, SeatsGenerated {

    String AGGREGATE_TYPE = "Event";

    UUID eventId();

    CatalogFacts facts();

    @Override
    default UUID aggregateId() {
        return eventId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default String topic() {
        return Topics.EVENT_EVENTS;
    }

    /** Catalog changes are made by admins; no buyer is concerned by one in particular. */
    @Override
    default UUID userId() {
        return null;
    }
}
