package dev.tiketi.event.admin;

import dev.tiketi.event.venue.Venue;

import java.time.Instant;
import java.util.UUID;

public record VenueView(UUID id, String name, String city, String address, Instant createdAt, Instant updatedAt) {

    static VenueView of(Venue venue) {
        return new VenueView(venue.id(), venue.name(), venue.city(), venue.address(), venue.createdAt(),
                venue.updatedAt());
    }
}
