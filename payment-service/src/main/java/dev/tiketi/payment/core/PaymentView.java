package dev.tiketi.payment.core;

import java.time.Instant;
import java.util.UUID;

/** A payment as the API shows it: never card details beyond the last four digits, never the PG's secrets. */
public record PaymentView(
        UUID id,
        UUID userId,
        UUID reservationId,
        UUID eventId,
        String paymentKey,
        long amount,
        String currency,
        PaymentMethod method,
        String provider,
        String orderName,
        String cardLast4,
        PaymentStatus status,
        String failureCode,
        String failureMessage,
        Instant approvedAt,
        String refundReason,
        Instant refundedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.id(), payment.userId(), payment.reservationId(), payment.eventId(),
                payment.paymentKey(), payment.amount(), "KRW", payment.method(), payment.provider(),
                payment.orderName(), payment.cardLast4(), payment.status(), payment.failureCode(),
                payment.failureMessage(), payment.approvedAt(), payment.refundReason(), payment.refundedAt(),
                payment.createdAt(), payment.updatedAt());
    }
}
