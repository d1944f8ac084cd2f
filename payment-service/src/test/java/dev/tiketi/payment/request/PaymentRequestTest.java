package dev.tiketi.payment.request;

import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.PaymentFailed;
import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.payment.gateway.simulated.SimulatedCards;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import dev.tiketi.payment.support.TestReservation;
import dev.tiketi.testsupport.TestServiceTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /api/payments through the simulated PG: outcomes, the events they publish, and every refusal. */
class PaymentRequestTest extends PaymentIntegrationTest {

    @Test
    void anApprovedPaymentIsSuccessAtTheReservationsAmountAndPublishesPaymentSucceeded() {
        Buyer buyer = buyer();

        var response = pay(buyer, newKey(), SimulatedCards.APPROVE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/payments/" + text(response, "$.id"));
        assertThat(json(response, "$.status")).isEqualTo("SUCCESS");
        assertThat(json(response, "$.amount")).isEqualTo(330_000);
        assertThat(json(response, "$.currency")).isEqualTo("KRW");
        assertThat(json(response, "$.cardLast4")).isEqualTo("1111");
        assertThat(json(response, "$.provider")).isEqualTo("SIMULATED");
        assertThat(response.body()).doesNotContain(SimulatedCards.APPROVE).doesNotContain("cvc");
        UUID paymentId = UUID.fromString(text(response, "$.id"));

        List<EventEnvelope> events = awaitPaymentEvents(paymentId, 1);
        assertThat(events).hasSize(1);
        EventEnvelope event = events.getFirst();
        assertThat(event.eventType()).isEqualTo(PaymentSucceeded.TYPE);
        assertThat(event.version()).as("inserted as version 1, SUCCESS is version 2").isEqualTo(2);
        var payload = codec.payload(event, PaymentSucceeded.class);
        assertThat(payload).isEqualTo(new PaymentSucceeded(paymentId, buyer.reservation().id(), buyer.userId(),
                330_000, "SIMULATED", payload.approvedAt()));
        assertThat(get("/actuator/prometheus", null).body())
                .contains("tiketi_payments_total{application=\"payment-service\",outcome=\"SUCCESS\",provider=\"SIMULATED\"}");
    }

    @Test
    void aDeclinedCardIsAFailedPaymentWithPaymentFailed() {
        Buyer buyer = buyer();

        var response = pay(buyer, newKey(), SimulatedCards.DECLINE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response, "$.status")).isEqualTo("FAILED");
        assertThat(json(response, "$.failureCode")).isEqualTo("CARD_DECLINED");
        UUID paymentId = UUID.fromString(text(response, "$.id"));
        EventEnvelope event = awaitPaymentEvents(paymentId, 1).getFirst();
        assertThat(codec.payload(event, PaymentFailed.class).reason()).isEqualTo("CARD_DECLINED");
        assertThat(event.version()).isEqualTo(2);

        // a failed payment does not block another try for the same reservation
        var second = pay(buyer, newKey(), SimulatedCards.APPROVE);
        assertThat(json(second, "$.status")).isEqualTo("SUCCESS");
    }

    @Test
    void aSlowPgWithinTheTimeoutStillSucceeds() {
        var response = pay(buyer(), newKey(), SimulatedCards.SLOW);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response, "$.status")).isEqualTo("SUCCESS");
    }

    @Test
    void noTransactionIsOpenWhileThePgIsAsked() throws Exception {
        Buyer buyer = buyer();
        String key = newKey();
        Thread payer = Thread.ofVirtual().start(() -> pay(buyer, key, SimulatedCards.SLOW));

        // while the slow PG (800 ms) works, the PENDING row is committed and no connection of ours sits in a transaction
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM payments WHERE user_id = ? AND payment_key = ?", Integer.class,
                buyer.userId(), key) == 1);
        String status = jdbc.queryForObject("SELECT status FROM payments WHERE user_id = ? AND payment_key = ?",
                String.class, buyer.userId(), key);
        Integer idleInTransaction = jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE usename = current_user AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'""",
                Integer.class);
        payer.join();

        assertThat(status).isEqualTo("PENDING");
        assertThat(idleInTransaction).isZero();
    }

    @Test
    void aTimedOutPgLeavesThePaymentPendingForReconciliation() {
        var response = pay(buyer(), newKey(), SimulatedCards.TIMEOUT);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response, "$.status")).isEqualTo("PENDING");
    }

    @Test
    void aClientAmountThatDiffersFromTheReservationIsRefused() {
        Buyer buyer = buyer();

        assertProblem(pay(buyer, newKey(), SimulatedCards.APPROVE, 1_000L), 422, "amount-mismatch");
        assertThat(paymentsOf(buyer.reservation().id())).isZero();

        var matching = pay(buyer, newKey(), SimulatedCards.APPROVE, 330_000L);
        assertThat(matching.statusCode()).as(matching.body()).isEqualTo(201);
    }

    @Test
    void thePaymentTokenMustBeTheBuyersPaymentTokenForThisReservation() {
        Buyer buyer = buyer();
        var reservation = buyer.reservation();
        String body = paymentRequest(reservation.id(), newKey(), SimulatedCards.APPROVE, null);
        var tokens = TestServiceTokens.buyerTokens();
        String admissionToken = tokens.admission(tokens.newId(), Instant.now().plusSeconds(600).getEpochSecond(),
                buyer.userId(), reservation.eventId());
        String othersToken = tokens.payment(UUID.randomUUID(), reservation.eventId(), reservation.id(),
                Instant.now().plusSeconds(600));
        String otherReservations = tokens.payment(buyer.userId(), reservation.eventId(), UUID.randomUUID(),
                Instant.now().plusSeconds(600));
        String expired = tokens.payment(buyer.userId(), reservation.eventId(), reservation.id(), Instant.now());
        String forged = buyer.paymentToken().substring(0, 31) + "A".repeat(22);

        assertProblem(payWith(buyer.userId(), null, body), 400, "payment-token-required");
        assertProblem(payWith(buyer.userId(), "qp_unknown", body), 403, "payment-token-invalid");
        assertProblem(payWith(buyer.userId(), admissionToken, body), 403, "payment-token-invalid");
        assertProblem(payWith(buyer.userId(), "qp_" + admissionToken.substring(3), body), 403, "payment-token-invalid");
        assertProblem(payWith(buyer.userId(), othersToken, body), 403, "payment-token-invalid");
        assertProblem(payWith(buyer.userId(), otherReservations, body), 403, "payment-token-invalid");
        assertProblem(payWith(buyer.userId(), expired, body), 403, "payment-token-invalid");
        assertProblem(payWith(buyer.userId(), forged, body), 403, "payment-token-invalid");
        assertProblem(payWith(buyer.userId(), "qp_" + "x".repeat(100), body), 403, "payment-token-invalid");
        assertProblem(payWith(buyer.userId(), "qp_<script>alert(1)</script>", body), 403, "payment-token-invalid");
        assertThat(paymentsOf(reservation.id())).isZero();
    }

    @Test
    void onlyTheBuyersOwnHeldReservationCanBePaid() {
        // (a reservation the copy does not know at all: ReservationCopyIntegrationTest)
        Buyer buyer = buyer();
        Buyer other = buyer();

        var someoneElses = payWith(buyer.userId(), buyer.paymentToken(),
                paymentRequest(other.reservation().id(), newKey(), SimulatedCards.APPROVE, 330_000L));
        assertProblem(someoneElses, 404, "reservation-not-found");

        copy(buyer.reservation().confirmed(), 2);
        assertProblem(pay(buyer, newKey(), SimulatedCards.APPROVE), 409, "reservation-not-payable");
        var ranOut = TestReservation.of(buyer.userId(), buyer.reservation().eventId(), 2 * PRICE,
                Instant.now().minusSeconds(1), "IU Concert 2030");
        copy(ranOut.held(), 1);
        assertProblem(pay(new Buyer(buyer.userId(), ranOut, paymentToken(ranOut)), newKey(), SimulatedCards.APPROVE),
                409, "reservation-expired");
        assertThat(paymentsOf(buyer.reservation().id())).isZero();
        assertThat(paymentsOf(ranOut.id())).isZero();
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        Buyer buyer = buyer();
        UUID reservation = buyer.reservation().id();

        var shortKey = payWith(buyer.userId(), buyer.paymentToken(),
                paymentRequest(reservation, "short", SimulatedCards.APPROVE, null));
        assertProblem(shortKey, 400, "validation-failed");
        assertThat(json(shortKey, "$.errors[0].field")).isEqualTo("paymentKey");
        var badCharacters = payWith(buyer.userId(), buyer.paymentToken(),
                paymentRequest(reservation, "key with spaces and ;--", SimulatedCards.APPROVE, null));
        assertProblem(badCharacters, 400, "validation-failed");
        var noCard = payWith(buyer.userId(), buyer.paymentToken(), """
                {"reservationId":"%s","paymentKey":"%s","method":"CARD"}""".formatted(reservation, newKey()));
        assertProblem(noCard, 400, "validation-failed");
        assertThat(json(noCard, "$.errors[0].field")).isEqualTo("card");
        var badCardNumber = payWith(buyer.userId(), buyer.paymentToken(),
                paymentRequest(reservation, newKey(), "41111111111111x1", null));
        assertProblem(badCardNumber, 400, "validation-failed");
        var negative = payWith(buyer.userId(), buyer.paymentToken(),
                paymentRequest(reservation, newKey(), SimulatedCards.APPROVE, -5L));
        assertProblem(negative, 400, "validation-failed");
        var unknownMethod = payWith(buyer.userId(), buyer.paymentToken(), paymentRequest(reservation, newKey(),
                SimulatedCards.APPROVE, null).replace("\"CARD\"", "\"BITCOIN\""));
        assertProblem(unknownMethod, 400, "malformed-request");
        var overflowing = payWith(buyer.userId(), buyer.paymentToken(), paymentRequest(reservation, newKey(),
                SimulatedCards.APPROVE, null).replace("\"method\"", "\"amount\":99999999999999999999999,\"method\""));
        assertProblem(overflowing, 400, "malformed-request");
        assertThat(paymentsOf(reservation)).isZero();
    }

    @Test
    void anOpenCircuitBreakerIsA503ProblemAndNothingIsWritten() {
        Buyer buyer = buyer();
        breaker.transitionToForcedOpenState();

        var response = pay(buyer, newKey(), SimulatedCards.APPROVE);

        assertProblem(response, 503, "payment-gateway-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).as("the breaker's wait in open state")
                .hasValue("3");
        assertThat(paymentsOf(buyer.reservation().id())).isZero();
    }

    @Test
    void anOpenBreakerLetsPaymentsThroughAgainOnItsOwnOnceItsWaitIsOver() {
        // no PG call happens while it is open (new payments are refused before one), so only its timer can
        // half-open it
        Buyer refused = buyer();
        Buyer later = buyer();
        breaker.transitionToOpenState();
        assertProblem(pay(refused, newKey(), SimulatedCards.APPROVE), 503, "payment-gateway-unavailable");

        await().atMost(Duration.ofSeconds(10)).until(() -> breaker.getState().name().equals("HALF_OPEN"));
        var response = pay(later, newKey(), SimulatedCards.APPROVE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void theBreakerOpensWhenHalfThePgCallsFail() {
        // 10 calls at least, half of them lost answers: the breaker opens, and the next payment is not tried
        for (int i = 0; i < 10; i++) {
            pay(buyer(), newKey(), i % 2 == 0 ? SimulatedCards.RESPONSE_LOST : SimulatedCards.APPROVE);
        }
        assertThat(breaker.getState().name()).isEqualTo("OPEN");
        assertProblem(pay(buyer(), newKey(), SimulatedCards.APPROVE), 503, "payment-gateway-unavailable");
    }

    @Test
    void theCardNumberIsNeverStoredOrLoggedInFull() {
        Buyer buyer = buyer();
        UUID paymentId = UUID.fromString(text(pay(buyer, newKey(), SimulatedCards.APPROVE), "$.id"));

        Map<String, Object> exchange = jdbc.queryForMap(
                "SELECT request, response, outcome FROM pg_exchanges WHERE payment_id = ? AND operation = 'APPROVE'",
                paymentId);
        assertThat((String) exchange.get("request")).contains("************1111").contains(paymentId.toString())
                .doesNotContain(SimulatedCards.APPROVE).doesNotContain("\"123\"");
        assertThat(exchange.get("outcome")).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("SELECT card_last4 FROM payments WHERE id = ?", String.class, paymentId))
                .isEqualTo("1111");
    }
}
