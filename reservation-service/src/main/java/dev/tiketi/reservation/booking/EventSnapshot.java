package dev.tiketi.reservation.booking;

import dev.tiketi.reservation.catalog.CatalogEvent;

import java.time.Instant;

/** The event's facts as they were at hold time, so that listing bookings needs no call to event-service. */
public record EventSnapshot(String title, String venueName, String hallName, Instant startsAt, Instant endsAt) {

    public static EventSnapshot of(CatalogEvent event) {
        return new EventSnapshot(event.title(), event.venueName(), event.hallName(), event.startsAt(), event.endsAt());
    }
}
