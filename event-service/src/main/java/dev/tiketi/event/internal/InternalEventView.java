package dev.tiketi.event.internal;

import dev.tiketi.event.status.EventStatus;

import java.time.Instant;
import java.util.UUID;

/** What reservation-service needs of an event to decide whether seats may be held. */
public record InternalEventView(UUID id, String title, EventStatus status, String venueName, String hallName,
        Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt) {
}
