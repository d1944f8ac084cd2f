package dev.tiketi.queue.event;

import java.time.Instant;
import java.util.UUID;

/** What event-service's internal endpoint tells about an event; only the status matters here. */
public record EventSummary(UUID id, String title, String status, String venueName, String hallName,
                           Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt) {

    /** The waiting room is open exactly while the event is on sale. */
    public boolean onSale() {
        return "ON_SALE".equals(status);
    }
}
