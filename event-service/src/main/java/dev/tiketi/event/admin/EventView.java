package dev.tiketi.event.admin;

import dev.tiketi.event.status.EventStatus;

import java.time.Instant;
import java.util.UUID;

/** An event as admins see it, whatever its status. */
public record EventView(UUID id, String title, String artist, String description, EventCategory category,
        EventStatus status, Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt,
        String posterUrl, int seatCount, int availableCount, VenueSummary venue, HallSummary hall,
        Instant createdAt, Instant updatedAt) {

    public record VenueSummary(UUID id, String name, String city) {
    }

    public record HallSummary(UUID id, String name) {
    }
}
