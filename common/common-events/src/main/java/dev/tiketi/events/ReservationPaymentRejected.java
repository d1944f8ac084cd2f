package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/**
 * A payment succeeded for a reservation that can no longer be confirmed (its hold expired or it was
 * cancelled first). The reservation stays as it is; payment-service refunds the payment, so that money is
 * never kept for seats the buyer did not get.
 *
 * @param amount in KRW, what the payment charged
 * @param reason why the reservation refused it, e.g. {@code RESERVATION_EXPIRED}, {@code RESERVATION_CANCELLED}
 */
public record ReservationPaymentRejected(
        UUID reservationId,
        UUID eventId,
        UUID userId,
        UUID paymentId,
        @JsonProperty(required = true) long amount,
        String reason) implements ReservationEvent {

    public static final String TYPE = "ReservationPaymentRejected";

    public ReservationPaymentRejected {
        Fields.required(reservationId, "reservationId");
        Fields.required(eventId, "eventId");
        Fields.required(userId, "userId");
        Fields.required(paymentId, "paymentId");
        Fields.amount(amount, "amount");
        Fields.required(reason, "reason");
    }
}
