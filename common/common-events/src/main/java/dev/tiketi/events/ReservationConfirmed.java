package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.UUID;

/** The reservation was paid: its seats are sold to it. {@code totalAmount} in KRW. */
public record ReservationConfirmed(
        UUID reservationId,
        UUID eventId,
        UUID userId,
        List<UUID> seatIds,
        @JsonProperty(required = true) long totalAmount) implements ReservationEvent {

    public static final String TYPE = "ReservationConfirmed";

    public ReservationConfirmed {
        Fields.required(reservationId, "reservationId");
        Fields.required(eventId, "eventId");
        Fields.required(userId, "userId");
        seatIds = Fields.nonEmpty(seatIds, "seatIds");
        Fields.amount(totalAmount, "totalAmount");
    }
}
