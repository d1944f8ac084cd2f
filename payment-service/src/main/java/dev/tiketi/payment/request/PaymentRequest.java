package dev.tiketi.payment.request;

import dev.tiketi.payment.core.PaymentMethod;
import dev.tiketi.payment.gateway.Card;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * {@code POST /api/payments}.
 *
 * @param paymentKey         the client's idempotency key: the same key is the same payment
 * @param amount             optional; if sent it must equal the reservation's total (the server never takes
 *                           the amount from the client)
 * @param card               for the simulated PG (and any PG that takes card details)
 * @param providerPaymentKey for Toss: the paymentKey its widget returned when the buyer authorised the payment
 */
public record PaymentRequest(
        @NotNull UUID reservationId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{8,64}", message = "must be 8 to 64 of A-Z, a-z, 0-9, _ and -")
        String paymentKey,
        @PositiveOrZero Long amount,
        @NotNull PaymentMethod method,
        @Valid Card card,
        @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_-]+") String providerPaymentKey) {
}
