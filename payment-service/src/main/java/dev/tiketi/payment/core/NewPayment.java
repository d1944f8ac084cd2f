package dev.tiketi.payment.core;

import java.util.UUID;

/** What a payment starts with, before the PG has been asked. */
public record NewPayment(
        UUID id,
        UUID userId,
        UUID reservationId,
        UUID eventId,
        String paymentKey,
        long amount,
        PaymentMethod method,
        String provider,
        String orderName,
        String cardLast4) {
}
