package dev.tiketi.reservation.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as this service's copy of the catalog has it, with its status at the moment it was read.
 *
 * @param status UPCOMING, ON_SALE, ENDED or CANCELLED, see {@link #statusAt}
 */
public record CatalogEvent(UUID id, String title, String status, String venueName, String hallName,
                           Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt) {

    /** Seats may be held only while the event is on sale. */
    public boolean onSale() {
        return "ON_SALE".equals(status);
    }

    /**
     * event-service's status policy, minus what only it can tell: CANCELLED once cancelled (final); ENDED from
     * the sale's end or the event's end on; UPCOMING before the sale starts; ON_SALE otherwise. Time moves an
     * event between these without any event on the topic, so the status is computed when read, never copied.
     * SOLD_OUT is not told apart from ON_SALE: it only says every seat is sold, and a hold on a sold seat is
     * refused seat by seat (409 seats-unavailable, reason SOLD) from this service's own bookings.
     */
    public static String statusAt(boolean cancelled, Instant saleStartsAt, Instant saleEndsAt, Instant endsAt,
                                  Instant now) {
        if (cancelled) {
            return "CANCELLED";
        }
        if (!now.isBefore(saleEndsAt) || !now.isBefore(endsAt)) {
            return "ENDED";
        }
        if (now.isBefore(saleStartsAt)) {
            return "UPCOMING";
        }
        return "ON_SALE";
    }
}
