package dev.tiketi.payment.reservation;

import com.zaxxer.hikari.HikariDataSource;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.payment.gateway.simulated.SimulatedCards;
import dev.tiketi.payment.reservation.CopiedReservation.Status;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The reservation copy fed over real Kafka from {@code reservation.events}, and payments that read nothing else:
 * a hold's event makes its reservation payable, a payment quicker than the event waits for it (holding neither a
 * connection nor a platform thread), and a cancelled reservation stays refused whatever arrives late.
 */
class ReservationCopyIntegrationTest extends PaymentIntegrationTest {

    @Autowired
    HikariDataSource pool;

    @Test
    void aHoldsEventReachesTheCopyAndTheReservationCanBePaid() {
        Buyer buyer = buyerWithoutCopy();

        publish(buyer.reservation().held(), 1);

        CopiedReservation copy = awaitCopy(buyer.reservation().id(), Status.PENDING);
        assertThat(copy.userId()).isEqualTo(buyer.userId());
        assertThat(copy.eventId()).isEqualTo(buyer.reservation().eventId());
        assertThat(copy.totalAmount()).isEqualTo(2 * PRICE);
        assertThat(copy.holdExpiresAt()).as("to PostgreSQL's microseconds")
                .isCloseTo(buyer.reservation().holdExpiresAt(), within(1, ChronoUnit.MICROS));
        assertThat(copy.version()).isEqualTo(1);
        var response = pay(buyer, newKey(), SimulatedCards.APPROVE, 2 * PRICE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response, "$.orderName")).as("the PG order is named after the event").isEqualTo("IU Concert 2030");
    }

    @Test
    void aPaymentQuickerThanTheHoldsEventWaitsForItAndSucceeds() throws Exception {
        Buyer buyer = buyerWithoutCopy();
        long started = System.nanoTime();

        CompletableFuture<HttpResponse<String>> payment = CompletableFuture.supplyAsync(
                () -> pay(buyer, newKey(), SimulatedCards.APPROVE), Executors.newVirtualThreadPerTaskExecutor());
        Thread.sleep(400);
        assertThat(payment).as("still waiting for the reservation").isNotDone();
        publish(buyer.reservation().held(), 1);

        var response = payment.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response, "$.status")).isEqualTo("SUCCESS");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aPaymentAtTheAmountOfASeatChangeThatHasNotArrivedYetWaitsForIt() throws Exception {
        Buyer buyer = buyer();
        var changed = buyer.reservation().withTotal(3 * PRICE);

        CompletableFuture<HttpResponse<String>> payment = CompletableFuture.supplyAsync(
                () -> pay(buyer, newKey(), SimulatedCards.APPROVE, 3 * PRICE), Executors.newVirtualThreadPerTaskExecutor());
        Thread.sleep(300);
        publish(changed.held(), 2);

        var response = payment.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response, "$.amount")).isEqualTo((int) (3 * PRICE));
    }

    @Test
    void aReservationStillUnknownAfterTheWaitIsA503WithRetryAfterAndNothingIsWritten() {
        Buyer buyer = buyerWithoutCopy();
        long started = System.nanoTime();

        var response = pay(buyer, newKey(), SimulatedCards.APPROVE);

        assertProblem(response, 503, "reservation-not-known-yet");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("tiketi.payment.reservation-wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(paymentsOf(buyer.reservation().id())).isZero();
    }

    @Test
    void aCancelledReservationIsRefusedAndALateHoldDoesNotBringItBack() {
        Buyer buyer = buyerWithoutCopy();
        publish(buyer.reservation().held(), 1);
        awaitCopy(buyer.reservation().id(), Status.PENDING);

        publish(buyer.reservation().cancelled("USER_RELEASED", false), 2);
        awaitCopy(buyer.reservation().id(), Status.CANCELLED);
        assertProblem(pay(buyer, newKey(), SimulatedCards.APPROVE), 409, "reservation-not-payable");

        // the hold again, as a replay or a redelivery would bring it
        publishAndAwaitConsumed(buyer.reservation().held(), 1);
        assertThat(copied(buyer.reservation().id())).hasValueSatisfying(copy -> {
            assertThat(copy.status()).isEqualTo(Status.CANCELLED);
            assertThat(copy.version()).isEqualTo(2);
        });
        assertProblem(pay(buyer, newKey(), SimulatedCards.APPROVE), 409, "reservation-not-payable");
        assertThat(paymentsOf(buyer.reservation().id())).isZero();
    }

    @Test
    void anExpiredReservationIsRefused() {
        Buyer buyer = buyerWithoutCopy();
        publish(buyer.reservation().held(), 1);
        publish(buyer.reservation().expired(), 2);

        awaitCopy(buyer.reservation().id(), Status.EXPIRED);
        assertProblem(pay(buyer, newKey(), SimulatedCards.APPROVE), 409, "reservation-not-payable");
    }

    @Test
    void replayingEventsTheInboxHasSeenStillRebuildsTheCopy() {
        // events consumed before the copy existed are in processed_events already; a replay of the topic must still
        // bring their reservations into the copy (and the refund saga must still not act twice)
        Buyer buyer = buyerWithoutCopy();
        EventEnvelope held = codec.envelope(UUID.randomUUID(), buyer.reservation().held(), 1, java.time.Instant.now(),
                "test", null);
        jdbc.update("INSERT INTO processed_events (event_id, event_type, processed_at) VALUES (?, ?, now())",
                held.eventId(), held.eventType());

        publish(held);

        awaitCopy(buyer.reservation().id(), Status.PENDING);
    }

    @Test
    void aCrowdPayingBeforeTheirHoldsArriveHoldsNoDatabaseConnectionsWhileWaiting() throws Exception {
        int payers = pool.getMaximumPoolSize() + 10;
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < payers; i++) {
            buyers.add(buyerWithoutCopy());
        }
        List<CompletableFuture<HttpResponse<String>>> payments = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Buyer buyer : buyers) {
                payments.add(CompletableFuture.supplyAsync(() -> pay(buyer, newKey(), SimulatedCards.APPROVE), threads));
            }
            // more waiting payments than the pool has connections: were each to hold one while it waits, every look
            // at the pool would find it exhausted, with requests queueing for a connection. A look may catch a burst
            // of queries in flight (2 shared cores), so the rule is on the typical look, not on every one
            Thread.sleep(500);
            List<Integer> inUse = new ArrayList<>();
            List<Integer> queued = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                inUse.add(pool.getHikariPoolMXBean().getActiveConnections());
                queued.add(pool.getHikariPoolMXBean().getThreadsAwaitingConnection());
                Thread.sleep(25);
            }
            assertThat(payments).as("all still waiting").noneMatch(CompletableFuture::isDone);
            assertThat(inUse.stream().sorted().toList().get(inUse.size() / 2))
                    .as("median connections in use while %d payments wait: %s", payers, inUse)
                    .isLessThan(pool.getMaximumPoolSize() / 2);
            assertThat(queued.stream().filter(n -> n > 0).count())
                    .as("looks that found requests queueing for a connection: %s", queued)
                    .isLessThan(queued.size() / 4);

            for (Buyer buyer : buyers) {
                publish(buyer.reservation().held(), 1);
            }
            for (var payment : payments) {
                var response = payment.get(20, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
        }
    }

    private CopiedReservation awaitCopy(UUID reservationId, Status status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(copied(reservationId))
                .hasValueSatisfying(copy -> assertThat(copy.status()).isEqualTo(status)));
        return copied(reservationId).orElseThrow();
    }
}
