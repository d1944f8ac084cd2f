package dev.tiketi.payment.admin;

import dev.tiketi.payment.gateway.simulated.SimulatedCards;
import dev.tiketi.payment.support.TestReservation;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class AdminPaymentsTest extends PaymentIntegrationTest {

    private final String admin = tokens.admin(UUID.randomUUID());

    @Test
    void aPaymentWithItsRedactedExchangesWithTheGateway() {
        Buyer buyer = buyer();
        UUID payment = paid(buyer);

        var detail = get("/api/admin/payments/" + payment, admin);

        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        assertThat(text(detail, "$.payment.id")).isEqualTo(payment.toString());
        assertThat(text(detail, "$.payment.status")).isEqualTo("SUCCESS");
        List<String> operations = (List<String>) json(detail, "$.exchanges[*].operation");
        assertThat(operations).isNotEmpty();
        assertThat(detail.body()).doesNotContain(SimulatedCards.APPROVE);
        assertProblem(get("/api/admin/payments/" + UUID.randomUUID(), admin), 404, "payment-not-found");
    }

    @Test
    void outcomesCountAnEventsPaymentsByStatusAndFailureCode() {
        Buyer first = buyer();
        UUID eventId = first.reservation().eventId();
        paid(first);
        Buyer second = buyerOf(eventId);
        pay(second, newKey(), SimulatedCards.DECLINE);
        paid(buyer());

        var outcomes = get("/api/admin/payments/outcomes?eventId=" + eventId, admin);

        assertThat(outcomes.statusCode()).as(outcomes.body()).isEqualTo(200);
        assertThat(text(outcomes, "$.timezone")).isEqualTo("Asia/Seoul");
        assertThat((List<String>) json(outcomes, "$.byStatus[*].status"))
                .containsExactly("PENDING", "SUCCESS", "FAILED", "REFUND_PENDING", "REFUNDED");
        assertThat(json(outcomes, "$.byStatus[1].payments")).isEqualTo(1);
        assertThat(json(outcomes, "$.byStatus[1].amount")).isEqualTo((int) (2 * PRICE));
        assertThat(json(outcomes, "$.byStatus[2].payments")).isEqualTo(1);
        assertThat(json(outcomes, "$.today[1].payments")).isEqualTo(1);
        assertThat((List<Integer>) json(outcomes, "$.failures[*].payments")).containsExactly(1);
        assertProblem(get("/api/admin/payments/outcomes?tz=%2B09:00", admin), 400, "validation-failed");
        assertProblem(get("/api/admin/payments/outcomes?from=2026-01-01&to=2025-01-01", admin), 400, "validation-failed");
    }

    @Test
    void onlyAdminsMayReadThem() {
        for (String path : List.of("/api/admin/payments/" + UUID.randomUUID(), "/api/admin/payments/outcomes")) {
            assertProblem(get(path, tokens.user(UUID.randomUUID())), 403, "access-denied");
            assertProblem(get(path, null), 401, "authentication-required");
        }
    }

    private Buyer buyerOf(UUID eventId) {
        UUID userId = UUID.randomUUID();
        var reservation = TestReservation.of(userId, eventId, 2 * PRICE, Instant.now().plusSeconds(300),
                "IU Concert 2030");
        copy(reservation.held(), 1);
        return new Buyer(userId, reservation, paymentToken(reservation));
    }
}
