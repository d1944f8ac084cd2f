package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/** The payment was declined or could not be made; nothing was charged. {@code reason} is free text. */
public record PaymentFailed(
        UUID paymentId,
        UUID reservationId,
        UUID userId,
        @JsonProperty(required = true) long amount,
        String reason) implements PaymentEvent {

    public static final String TYPE = "PaymentFailed";

    public PaymentFailed {
        Fields.required(paymentId, "paymentId");
        Fields.required(reservationId, "reservationId");
        Fields.required(userId, "userId");
        Fields.amount(amount, "amount");
        Fields.required(reason, "reason");
    }
}
