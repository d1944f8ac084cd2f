package dev.tiketi.event.layout;

import java.util.List;
import java.util.UUID;

/**
 * Where every seat of an event is, for drawing the seat map: sections and rows in the order of the hall
 * template the seats were generated from, a row's seats as ids in seat-number order (seat number = index + 1).
 * Nothing in it changes after the event is created; which seats are taken comes from reservation-service.
 *
 * @param grades every grade of the event with its price and seat count, most expensive first
 */
public record SeatLayoutDocument(UUID eventId, int totalSeats, List<Grade> grades, List<Section> sections) {

    public record Grade(String grade, long price, int seats) {
    }

    public record Section(String name, List<Row> rows) {
    }

    public record Row(String label, String grade, long price, List<UUID> seatIds) {
    }
}
