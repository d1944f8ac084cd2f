package dev.tiketi.event.internal;

import dev.tiketi.event.status.EventStatus;

import java.time.Instant;
import java.util.UUID;

/** What queue-service needs of an event to run its waiting room. */
public record InternalEventView(UUID id, String title, EventStatus status, String venueName, String hallName,
        Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt) {
}
