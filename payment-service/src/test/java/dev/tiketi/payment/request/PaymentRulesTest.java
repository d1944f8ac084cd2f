package dev.tiketi.payment.request;

import dev.tiketi.payment.core.PaymentMethod;
import dev.tiketi.payment.core.PaymentStatus;
import dev.tiketi.payment.core.TestPayments;
import dev.tiketi.payment.gateway.Card;
import dev.tiketi.payment.gateway.PaymentGateway;
import dev.tiketi.payment.reservation.CopiedReservation;
import dev.tiketi.payment.reservation.CopiedReservation.Status;
import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaymentRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private final UUID buyer = UUID.randomUUID();
    private final CopiedReservation held = new CopiedReservation(UUID.randomUUID(), buyer, UUID.randomUUID(),
            Status.PENDING, 2, 330_000L, NOW.plusSeconds(60), "Show", 2L, NOW);

    @Test
    void aHeldReservationOfTheBuyerIsPayableForItsOwnAmount() {
        assertDoesNotThrow(() -> PaymentRules.requireOwner(held, buyer));
        assertDoesNotThrow(() -> PaymentRules.requirePayable(held, null, NOW));
        assertDoesNotThrow(() -> PaymentRules.requirePayable(held, 330_000L, NOW));
    }

    @Test
    void someoneElsesReservationLooksLikeNoReservation() {
        assertProblem(() -> PaymentRules.requireOwner(held, UUID.randomUUID()), 404, "reservation-not-found");
    }

    @Test
    void onlyAPendingUnexpiredReservationAtTheRightAmountIsPayable() {
        for (Status status : new Status[] {Status.CONFIRMED, Status.CANCELLED, Status.EXPIRED}) {
            var other = new CopiedReservation(held.id(), buyer, held.eventId(), status, 3, 330_000L,
                    held.holdExpiresAt(), "Show", 2L, NOW);
            assertProblem(() -> PaymentRules.requirePayable(other, null, NOW), 409, "reservation-not-payable");
        }
        var knownOnlyAsCancelled = new CopiedReservation(held.id(), buyer, held.eventId(), Status.CANCELLED, 2, null,
                null, null, null, NOW);
        assertProblem(() -> PaymentRules.requirePayable(knownOnlyAsCancelled, 330_000L, NOW), 409,
                "reservation-not-payable");
        assertProblem(() -> PaymentRules.requirePayable(held, null, held.holdExpiresAt()), 409, "reservation-expired");
        assertProblem(() -> PaymentRules.requirePayable(held, 330_001L, NOW), 422, "amount-mismatch");
        assertProblem(() -> PaymentRules.requirePayable(held, 0L, NOW), 422, "amount-mismatch");
    }

    @Test
    void aRepeatedKeyMustBeTheSameRequest() {
        var existing = TestPayments.payment(held.id(), PaymentStatus.SUCCESS, 330_000);
        assertDoesNotThrow(() -> PaymentRules.requireSameRequest(existing, request(held.id(), null)));
        assertDoesNotThrow(() -> PaymentRules.requireSameRequest(existing, request(held.id(), 330_000L)));
        assertProblem(() -> PaymentRules.requireSameRequest(existing, request(UUID.randomUUID(), null)), 422,
                "payment-key-reused");
        assertProblem(() -> PaymentRules.requireSameRequest(existing, request(held.id(), 1L)), 422, "amount-mismatch");
    }

    @Test
    void theRequestMustCarryWhatThePgNeeds() {
        var withCard = request(held.id(), null);
        var withWidgetKey = new PaymentRequest(held.id(), "key_12345678", null, PaymentMethod.CARD, null, "tgen_1");
        assertDoesNotThrow(() -> PaymentRules.requireInstrument(withCard, PaymentGateway.Instrument.CARD));
        assertDoesNotThrow(() -> PaymentRules.requireInstrument(withWidgetKey,
                PaymentGateway.Instrument.PROVIDER_PAYMENT_KEY));
        assertProblem(() -> PaymentRules.requireInstrument(withWidgetKey, PaymentGateway.Instrument.CARD), 400,
                "validation-failed");
        assertProblem(() -> PaymentRules.requireInstrument(withCard, PaymentGateway.Instrument.PROVIDER_PAYMENT_KEY),
                400, "validation-failed");
    }

    private static PaymentRequest request(UUID reservationId, Long amount) {
        return new PaymentRequest(reservationId, "key_12345678", amount, PaymentMethod.CARD,
                new Card("4111111111111111", 12, 2030, "123", null), null);
    }

    private static void assertProblem(Executable rule, int status, String code) {
        ApiException problem = assertThrows(ApiException.class, rule);
        assertThat(problem.status().value()).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
    }
}
