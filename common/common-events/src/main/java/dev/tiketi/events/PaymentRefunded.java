package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * A charged payment was refunded: the buyer cancelled, or it was paid for a reservation that had already
 * expired or been cancelled.
 */
public record PaymentRefunded(
        UUID paymentId,
        UUID reservationId,
        UUID userId,
        @JsonProperty(required = true) long amount,
        String reason,
        Instant refundedAt) implements PaymentEvent {

    public static final String TYPE = "PaymentRefunded";

    public PaymentRefunded {
        Fields.required(paymentId, "paymentId");
        Fields.required(reservationId, "reservationId");
        Fields.required(userId, "userId");
        Fields.amount(amount, "amount");
        Fields.required(reason, "reason");
        Fields.required(refundedAt, "refundedAt");
    }
}
