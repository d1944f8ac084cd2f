package dev.tiketi.event.browse;

import java.util.List;
import java.util.UUID;

/** Every seat of an event, by section and row, in natural order ("2" before "10"). */
public record SeatMap(UUID eventId, List<Section> sections) {

    public record Section(String name, List<Row> rows) {
    }

    public record Row(String label, List<Seat> seats) {
    }

    /** {@code status} is this service's view: AVAILABLE or SOLD; holds live in reservation-service. */
    public record Seat(UUID id, int number, String grade, long price, String status) {
    }
}
