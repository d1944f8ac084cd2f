package dev.tiketi.events;

import java.util.List;
import java.util.UUID;

/** The hold ran out before payment; its seats are free again. */
public record ReservationExpired(
        UUID reservationId,
        UUID eventId,
        UUID userId,
        List<UUID> seatIds) implements ReservationEvent {

    public static final String TYPE = "ReservationExpired";

    public ReservationExpired {
        Fields.required(reservationId, "reservationId");
        Fields.required(eventId, "eventId");
        Fields.required(userId, "userId");
        seatIds = Fields.nonEmpty(seatIds, "seatIds");
    }
}
