package dev.tiketi.payment.request;

import dev.tiketi.payment.gateway.simulated.SimulatedCards;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The same key is the same payment, charged once, however often and however concurrently it is sent. */
class IdempotencyTest extends PaymentIntegrationTest {

    private static final int THREADS = 20;

    @Test
    void repeatingAKeyReturnsTheSamePaymentWithoutChargingAgain() {
        Buyer buyer = buyer();
        String key = newKey();

        var first = pay(buyer, key, SimulatedCards.APPROVE);
        var again = pay(buyer, key, SimulatedCards.APPROVE);
        var withAmount = pay(buyer, key, SimulatedCards.APPROVE, 330_000L);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(withAmount.statusCode()).isEqualTo(200);
        UUID paymentId = UUID.fromString(text(first, "$.id"));
        assertThat(List.of(json(again, "$.id"), json(withAmount, "$.id"))).containsOnly(paymentId.toString());
        assertThat(pgCalls(paymentId, "APPROVE")).isEqualTo(1);
        assertThat(paymentsOf(buyer.reservation().id())).isEqualTo(1);
    }

    @Test
    void aRepeatedDeclineIsTheSameDeclineNotANewAttempt() {
        Buyer buyer = buyer();
        String key = newKey();

        var first = pay(buyer, key, SimulatedCards.DECLINE);
        var again = pay(buyer, key, SimulatedCards.APPROVE);

        assertThat(json(again, "$.id").toString()).isEqualTo(json(first, "$.id"));
        assertThat(json(again, "$.status").toString()).isEqualTo("FAILED");
        assertThat(pgCalls(UUID.fromString(text(first, "$.id")), "APPROVE")).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherReservationIsRefused() {
        Buyer buyer = buyer();
        String key = newKey();
        pay(buyer, key, SimulatedCards.APPROVE);
        var otherReservation = dev.tiketi.payment.support.TestReservation.of(buyer.userId(),
                buyer.reservation().eventId(), 1000, buyer.reservation().holdExpiresAt(), "Another show");
        copy(otherReservation.held(), 1);

        var reused = payWith(buyer.userId(), buyer.paymentToken(),
                paymentRequest(otherReservation.id(), key, SimulatedCards.APPROVE, null));

        assertProblem(reused, 422, "payment-key-reused");
        assertProblem(pay(buyer, key, SimulatedCards.APPROVE, 1L), 422, "amount-mismatch");
    }

    @Test
    void aSecondKeyForAReservationThatIsPaidOrBeingPaidIsAConflict() {
        Buyer buyer = buyer();
        pay(buyer, newKey(), SimulatedCards.APPROVE);

        assertProblem(pay(buyer, newKey(), SimulatedCards.APPROVE), 409, "reservation-payment-exists");
        assertThat(paymentsOf(buyer.reservation().id())).isEqualTo(1);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyMakeOnePaymentAndOneCharge() throws Exception {
        Buyer buyer = buyer();
        String key = newKey();

        List<HttpResponse<String>> responses = concurrently(() -> pay(buyer, key, SimulatedCards.SLOW));

        List<String> ids = responses.stream().map(response -> json(response, "$.id").toString()).distinct().toList();
        assertThat(ids).as("one payment for every request").hasSize(1);
        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body())
                .isIn(200, 201, 202));
        assertThat(responses.stream().filter(response -> response.statusCode() == 201)).as("made once").hasSize(1);
        UUID paymentId = UUID.fromString(ids.getFirst());
        assertThat(pgCalls(paymentId, "APPROVE")).as("the PG was asked exactly once").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sim_pg_transactions WHERE order_id = ?", Integer.class,
                paymentId.toString())).as("and charged exactly once").isEqualTo(1);
        assertThat(status(paymentId)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_id = ?", Integer.class, paymentId))
                .as("one PaymentSucceeded").isEqualTo(1);
    }

    @Test
    void twentyConcurrentRequestsWithDifferentKeysForOneReservationChargeOnce() throws Exception {
        Buyer buyer = buyer();

        List<HttpResponse<String>> responses = concurrently(() -> pay(buyer, newKey(), SimulatedCards.APPROVE));

        assertThat(responses.stream().filter(response -> response.statusCode() == 201)).hasSize(1);
        assertThat(responses.stream().filter(response -> response.statusCode() == 409))
                .allSatisfy(response -> assertThat(json(response, "$.code").toString())
                        .isEqualTo("reservation-payment-exists"))
                .hasSize(THREADS - 1);
        assertThat(paymentsOf(buyer.reservation().id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM pg_exchanges e JOIN payments p ON p.id = e.payment_id
                 WHERE p.reservation_id = ? AND e.operation = 'APPROVE'""", Integer.class, buyer.reservation().id()))
                .isEqualTo(1);
    }

    private static List<HttpResponse<String>> concurrently(Callable<HttpResponse<String>> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
