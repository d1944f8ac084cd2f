package dev.tiketi.event.catalog;

import java.util.UUID;

/**
 * An event's details, status or place in listings changed. Published inside the changing transaction;
 * listeners that act on it outside the database (cache invalidation) listen after commit.
 */
public record EventChanged(UUID eventId) {
}
