package dev.tiketi.event.browse;

import java.time.Instant;
import java.util.UUID;

/** An event as listings show it. Prices are KRW over all of its seats; null only if it has none. */
public record EventListItem(UUID id, String title, String artist, String category, String status, VenueRef venue,
        Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt, String posterUrl,
        Long minPrice, Long maxPrice, int seatCount, int availableCount) {

    public record VenueRef(UUID id, String name, String city) {
    }
}
