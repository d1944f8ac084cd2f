package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.UUID;

/**
 * The event's seats as event-service generated them from its hall's template, with their grade and price: a
 * consumer keeps its own copy of the seats from these alone. An event has up to 50,000 seats, far more than
 * one Kafka record should carry, so they come in parts of at most {@link #MAX_SEATS} seats, all written in the
 * transaction that created the seats and keyed by the event like its other events, so they stay in order with
 * them. Every part carries the event's facts and its version after the change, like any {@link CatalogEvent}:
 * a later part of the same version repeats, never contradicts, what an earlier one said.
 *
 * @param part  1 to {@code parts}; the seats of part {@code n} are the layout's seats {@code (n-1)·MAX_SEATS} on
 * @param parts how many parts the event's seats were split into, so a consumer can tell when it has them all
 */
public record SeatsGenerated(
        UUID eventId,
        CatalogFacts facts,
        @JsonProperty(required = true) int part,
        @JsonProperty(required = true) int parts,
        List<Seat> seats) implements CatalogEvent {

    public static final String TYPE = "SeatsGenerated";

    /**
     * Seats per record: about 110 bytes of JSON each, so a part stays near 220 kB, well under the broker's and
     * the producer's 1 MB record limit.
     */
    public static final int MAX_SEATS = 2_000;

    public SeatsGenerated {
        Fields.required(eventId, "eventId");
        Fields.required(facts, "facts");
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("part must be 1 to parts, parts at least 1");
        }
        seats = Fields.nonEmpty(seats, "seats");
        if (seats.size() > MAX_SEATS) {
            throw new IllegalArgumentException("seats must not exceed " + MAX_SEATS + " per part");
        }
    }

    /** @param price in KRW */
    public record Seat(UUID seatId, String section, String row, @JsonProperty(required = true) int number,
                       String grade, @JsonProperty(required = true) long price) {

        public Seat {
            Fields.required(seatId, "seatId");
            Fields.required(section, "section");
            Fields.required(row, "row");
            Fields.required(grade, "grade");
            Fields.amount(price, "price");
        }
    }
}
