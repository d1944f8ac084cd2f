package dev.tiketi.reservation.catalog;

import java.time.Instant;
import java.util.UUID;

/** An event as event-service's internal endpoint describes it. */
public record CatalogEvent(UUID id, String title, String status, String venueName, String hallName,
                           Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt) {

    /** Seats may be held only while the event is on sale. */
    public boolean onSale() {
        return "ON_SALE".equals(status);
    }
}
