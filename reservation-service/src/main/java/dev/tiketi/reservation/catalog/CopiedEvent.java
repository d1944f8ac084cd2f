package dev.tiketi.reservation.catalog;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code catalog_events}: what the copy knows of an event, its status not yet computed. */
record CopiedEvent(UUID id, long version, String title, String venueName, String hallName, Instant startsAt,
                   Instant endsAt, Instant saleStartsAt, Instant saleEndsAt, String status, int seatCount,
                   int seatsCopied) {

    CatalogEvent at(Instant now) {
        return new CatalogEvent(id, title, CatalogEvent.statusAt("CANCELLED".equals(status), saleStartsAt,
                saleEndsAt, endsAt, now), venueName, hallName, startsAt, endsAt, saleStartsAt, saleEndsAt);
    }

    /** Every seat of the event is in the copy: a seat id it does not have is not the event's. */
    boolean seatsComplete() {
        return seatsCopied >= seatCount;
    }
}
