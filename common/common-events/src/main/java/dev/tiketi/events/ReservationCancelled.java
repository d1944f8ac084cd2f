package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.UUID;

/**
 * The reservation was cancelled: a hold released before payment, a failed payment, or a booking the
 * buyer cancelled (then refunded).
 *
 * @param reason       why, e.g. {@code PAYMENT_FAILED}, {@code USER_CANCELLED}; free text so that new
 *                     reasons do not break older consumers
 * @param wasConfirmed whether the reservation had been CONFIRMED, i.e. its seats had been sold and must be
 *                     released. Required on the wire: a default of {@code false} would silently keep a
 *                     refunded booking's seats sold.
 */
public record ReservationCancelled(
        UUID reservationId,
        UUID eventId,
        UUID userId,
        List<UUID> seatIds,
        String reason,
        @JsonProperty(required = true) boolean wasConfirmed) implements ReservationEvent {

    public static final String TYPE = "ReservationCancelled";

    public ReservationCancelled {
        Fields.required(reservationId, "reservationId");
        Fields.required(eventId, "eventId");
        Fields.required(userId, "userId");
        seatIds = Fields.nonEmpty(seatIds, "seatIds");
        Fields.required(reason, "reason");
    }
}
