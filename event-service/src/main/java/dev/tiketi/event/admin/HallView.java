package dev.tiketi.event.admin;

import dev.tiketi.event.venue.Hall;
import dev.tiketi.event.venue.SeatTemplate;

import java.time.Instant;
import java.util.UUID;

public record HallView(UUID id, UUID venueId, String name, int seatCount, SeatTemplate seatTemplate,
        Instant createdAt, Instant updatedAt) {

    static HallView of(Hall hall, SeatTemplate template) {
        return new HallView(hall.id(), hall.venueId(), hall.name(), hall.seatCount(), template, hall.createdAt(),
                hall.updatedAt());
    }
}
