package dev.tiketi.event.browse;

import java.time.Instant;
import java.util.UUID;

/** One event with everything its page shows apart from the seats. */
public record EventDetail(UUID id, String title, String artist, String description, String category, String status,
        Venue venue, Hall hall, Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt,
        String posterUrl, Long minPrice, Long maxPrice, int seatCount, int availableCount) {

    public record Venue(UUID id, String name, String city, String address) {
    }

    public record Hall(UUID id, String name) {
    }
}
