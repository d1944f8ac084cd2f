package dev.tiketi.event.status;

import java.time.Instant;

/** What an event's status depends on. */
public record SaleFacts(boolean cancelled, Instant saleStartsAt, Instant saleEndsAt, Instant endsAt,
        int availableCount) {
}
