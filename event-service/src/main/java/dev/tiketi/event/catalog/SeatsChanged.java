package dev.tiketi.event.catalog;

import java.util.UUID;

/** Seats of an event changed status (sold or released), and with them its availability counts. */
public record SeatsChanged(UUID eventId) {
}
