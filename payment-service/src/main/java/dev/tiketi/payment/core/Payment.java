package dev.tiketi.payment.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment as stored. {@code version} counts its state changes; an event published by a change carries the
 * version after it. The payment id is also the PG's order id.
 *
 * @param amount                in KRW, taken from the reservation
 * @param providerTransactionId the PG's id of the approved charge (Toss: its paymentKey), needed to cancel it
 */
public record Payment(
        UUID id,
        UUID userId,
        UUID reservationId,
        UUID eventId,
        String paymentKey,
        long amount,
        PaymentMethod method,
        String provider,
        String orderName,
        String cardLast4,
        PaymentStatus status,
        long version,
        String providerTransactionId,
        String failureCode,
        String failureMessage,
        Instant approvedAt,
        Instant failedAt,
        String refundReason,
        Instant refundRequestedAt,
        Instant refundedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** A payment as it starts, before the PG has been asked: PENDING, version 1. */
    public static Payment pending(UUID id, UUID userId, UUID reservationId, UUID eventId, String paymentKey, long amount,
                                  PaymentMethod method, String provider, String orderName, String cardLast4, Instant now) {
        return new Payment(id, userId, reservationId, eventId, paymentKey, amount, method, provider, orderName, cardLast4,
                PaymentStatus.PENDING, 1, null, null, null, null, null, null, null, null, now, now);
    }

    /** The PG order id: the payment id, in the form every PG accepts (6..64 of [A-Za-z0-9_-]). */
    public String orderId() {
        return id.toString();
    }
}
