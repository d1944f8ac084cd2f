package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import dev.tiketi.e2e.Sale.Hold;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static dev.tiketi.e2e.Sale.ANSWER_LOST_CARD;
import static dev.tiketi.e2e.Sale.APPROVED_CARD;
import static dev.tiketi.e2e.Sale.DECLINED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking saga through the gateway, with every service, PostgreSQL, Redis and Kafka real: each path from a
 * payment's outcome to the reservation's status and the seats' status in event-service, and the cross-service
 * invariants (SagaAudit) once it has converged.
 */
@ExtendWith(PlatformExtension.class)
class BookingSagaE2ETest {

    static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private static PlatformUnderTest platform;
    private static Api gateway;
    private static Sale sale;

    @BeforeAll
    static void openSale(PlatformUnderTest running) {
        platform = running;
        gateway = running.gateway();
        sale = Sale.open(running);
    }

    @Test
    void anApprovedPaymentConfirmsTheBookingAndSellsItsSeats() {
        Hold hold = sale.hold(2);

        Reply paid = hold.pay(gateway, APPROVED_CARD);

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.<String>read("$.status")).isEqualTo("SUCCESS");
        assertThat(((Number) paid.read("$.amount")).longValue()).isEqualTo(hold.amount());
        await().atMost(CONVERGENCE).until(() -> hold.reservationStatus(gateway).equals("CONFIRMED"));
        await().atMost(CONVERGENCE).until(() -> sale.soldSeats().containsAll(hold.seatIds()));
        assertThat(sale.heldSeats()).doesNotContainAnyElementsOf(hold.seatIds());
        assertConverged();
    }

    @Test
    void aDeclinedPaymentCancelsTheBookingAndItsSeatsAreFreeAgain() {
        Hold hold = sale.hold(2);

        Reply paid = hold.pay(gateway, DECLINED_CARD);

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.<String>read("$.status")).isEqualTo("FAILED");
        await().atMost(CONVERGENCE).until(() -> hold.reservationStatus(gateway).equals("CANCELLED"));
        await().atMost(CONVERGENCE).until(() -> !sale.heldSeats().stream().anyMatch(hold.seatIds()::contains));
        assertThat(sale.soldSeats()).doesNotContainAnyElementsOf(hold.seatIds());
        assertConverged();
    }

    @Test
    void aBookingCancelledByItsBuyerIsRefundedAndItsSeatsReturn() {
        Hold hold = sale.hold(1);
        Reply paid = hold.pay(gateway, APPROVED_CARD);
        assertThat(paid.<String>read("$.status")).as(paid.body()).isEqualTo("SUCCESS");
        String paymentId = paid.read("$.id");
        await().atMost(CONVERGENCE).until(() -> sale.soldSeats().containsAll(hold.seatIds()));

        Reply cancelled = gateway.post("/api/reservations/" + hold.reservationId() + "/cancel", "{}", hold.token());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        await().atMost(CONVERGENCE).until(() -> hold.paymentStatus(gateway, paymentId).equals("REFUNDED"));
        await().atMost(CONVERGENCE).until(() -> hold.reservationStatus(gateway).equals("REFUNDED"));
        await().atMost(CONVERGENCE).until(() -> !sale.soldSeats().stream().anyMatch(hold.seatIds()::contains));
        assertConverged();
    }

    @Test
    void aPaymentWhosePgAnswerWasLostIsReconciledByAskingThePg() {
        Hold hold = sale.hold(1);

        Reply paid = hold.pay(gateway, ANSWER_LOST_CARD);

        assertThat(paid.status()).as(paid.body()).isEqualTo(202);
        assertThat(paid.<String>read("$.status")).isEqualTo("PENDING");
        String paymentId = paid.read("$.id");
        await().atMost(CONVERGENCE).until(() -> hold.paymentStatus(gateway, paymentId).equals("SUCCESS"));
        await().atMost(CONVERGENCE).until(() -> hold.reservationStatus(gateway).equals("CONFIRMED"));
        await().atMost(CONVERGENCE).until(() -> sale.soldSeats().containsAll(hold.seatIds()));
        assertConverged();
    }

    private static void assertConverged() {
        SagaAudit audit = new SagaAudit(platform.platform());
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(audit.violations()).isEmpty());
    }
}
