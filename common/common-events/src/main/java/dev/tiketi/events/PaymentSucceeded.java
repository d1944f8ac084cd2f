package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * The payment gateway approved the payment.
 *
 * @param provider   which gateway approved it, e.g. {@code SIMULATED}, {@code TOSS}
 * @param approvedAt when the gateway approved it
 */
public record PaymentSucceeded(
        UUID paymentId,
        UUID reservationId,
        UUID userId,
        @JsonProperty(required = true) long amount,
        String provider,
        Instant approvedAt) implements PaymentEvent {

    public static final String TYPE = "PaymentSucceeded";

    public PaymentSucceeded {
        Fields.required(paymentId, "paymentId");
        Fields.required(reservationId, "reservationId");
        Fields.required(userId, "userId");
        Fields.amount(amount, "amount");
        Fields.required(provider, "provider");
        Fields.required(approvedAt, "approvedAt");
    }
}
