package dev.tiketi.payment.core;

import java.time.Instant;
import java.util.UUID;

/** Payments for unit tests of the rules. */
public final class TestPayments {

    private TestPayments() {
    }

    public static Payment payment(UUID reservationId, PaymentStatus status, long amount) {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), reservationId, UUID.randomUUID(), "key_12345678",
                amount, PaymentMethod.CARD, "SIMULATED", "Show", "1111", status, 2, "sim_tx", null, null, now, null,
                null, null, null, now, now);
    }
}
