package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Seats were held and a PENDING reservation created; it expires at {@code holdExpiresAt} unless paid.
 *
 * @param seats       the snapshot taken at hold time: the price the buyer pays even if the catalog changes
 * @param totalAmount in KRW, the sum of the seat prices
 * @param eventTitle  the event's title at hold time (payment-service names the PG order after it); optional:
 *                    absent in events written before it was added, and readers must cope without it
 */
public record ReservationHeld(
        UUID reservationId,
        UUID eventId,
        UUID userId,
        List<Seat> seats,
        @JsonProperty(required = true) long totalAmount,
        Instant holdExpiresAt,
        String eventTitle) implements ReservationEvent {

    public static final String TYPE = "ReservationHeld";

    public ReservationHeld {
        Fields.required(reservationId, "reservationId");
        Fields.required(eventId, "eventId");
        Fields.required(userId, "userId");
        seats = Fields.nonEmpty(seats, "seats");
        Fields.amount(totalAmount, "totalAmount");
        Fields.required(holdExpiresAt, "holdExpiresAt");
    }

    /** A hold whose event title is not known to the writer (as every hold was before the field existed). */
    public ReservationHeld(UUID reservationId, UUID eventId, UUID userId, List<Seat> seats, long totalAmount,
                           Instant holdExpiresAt) {
        this(reservationId, eventId, userId, seats, totalAmount, holdExpiresAt, null);
    }

    /** @param price in KRW */
    public record Seat(UUID seatId, String grade, @JsonProperty(required = true) long price) {

        public Seat {
            Fields.required(seatId, "seatId");
            Fields.required(grade, "grade");
            Fields.amount(price, "price");
        }
    }
}
