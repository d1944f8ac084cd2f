package dev.tiketi.reservation.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A confirmed booking can be cancelled until the day before the event, by the calendar in Korea where the
 * events take place: for an event on 15 March (Seoul time), cancelling is possible until 14 March 23:59:59
 * Seoul time, whatever time the event starts, and not on the event day or later.
 */
public final class CancellationPolicy {

    public static final ZoneId EVENT_ZONE = ZoneId.of("Asia/Seoul");

    private CancellationPolicy() {
    }

    public static boolean allows(Instant eventStartsAt, Instant now) {
        LocalDate eventDay = eventStartsAt.atZone(EVENT_ZONE).toLocalDate();
        LocalDate today = now.atZone(EVENT_ZONE).toLocalDate();
        return today.isBefore(eventDay);
    }
}
