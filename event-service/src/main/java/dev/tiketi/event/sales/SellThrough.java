package dev.tiketi.event.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How much of an event is sold: SOLD seats (confirmed bookings, from {@code reservation.events}) over all seats.
 * Seats held but not yet paid are not sold.
 *
 * @param ratio  sold / total, 0 to 1
 * @param grades per grade, highest price first; empty in the list of events (only the one event's view has them)
 */
record SellThrough(UUID eventId, String title, String status, Instant startsAt, int total, int sold, double ratio,
                   List<Grade> grades) {

    record Grade(String grade, long price, int total, int sold, double ratio) {
    }

    static double ratio(int sold, int total) {
        return total == 0 ? 0 : (double) sold / total;
    }
}
