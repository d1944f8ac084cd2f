package dev.tiketi.payment.reconcile;

import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.PaymentFailed;
import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.payment.gateway.simulated.SimulatedCards;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payments left PENDING because the PG's answer was lost or late are settled by asking the PG: its own books
 * (sim_pg_transactions) say what really happened.
 */
class ReconciliationTest extends PaymentIntegrationTest {

    @Test
    void anApprovalWhoseAnswerWasLostBecomesSuccessWithPaymentSucceeded() {
        Buyer buyer = buyer();
        var response = pay(buyer, newKey(), SimulatedCards.RESPONSE_LOST);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID paymentId = UUID.fromString(text(response, "$.id"));
        assertThat(status(paymentId)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT status FROM sim_pg_transactions WHERE order_id = ?", String.class,
                paymentId.toString())).as("the PG took the money").isEqualTo("APPROVED");

        reconcileAfterPendingWindow();

        assertThat(status(paymentId)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT provider_transaction_id FROM payments WHERE id = ?", String.class,
                paymentId)).isEqualTo(jdbc.queryForObject(
                "SELECT transaction_id FROM sim_pg_transactions WHERE order_id = ?", String.class, paymentId.toString()));
        EventEnvelope event = awaitPaymentEvents(paymentId, 1).getFirst();
        assertThat(event.eventType()).isEqualTo(PaymentSucceeded.TYPE);
        assertThat(event.version()).isEqualTo(2);
        assertThat(pgCalls(paymentId, "APPROVE")).as("never charged twice").isEqualTo(1);
        assertThat(pgCalls(paymentId, "INQUIRE")).isEqualTo(1);
    }

    @Test
    void aTimedOutPaymentThePgNeverRecordedBecomesFailedWithPaymentFailed() {
        var response = pay(buyer(), newKey(), SimulatedCards.TIMEOUT);
        UUID paymentId = UUID.fromString(text(response, "$.id"));
        assertThat(response.statusCode()).isEqualTo(202);

        reconcileAfterPendingWindow();

        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT failure_code FROM payments WHERE id = ?", String.class, paymentId))
                .isEqualTo("NOT_FOUND");
        EventEnvelope event = awaitPaymentEvents(paymentId, 1).getFirst();
        assertThat(event.eventType()).isEqualTo(PaymentFailed.TYPE);
        assertThat(codec.payload(event, PaymentFailed.class).reason()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aPgThatCannotBeAskedLeavesThePaymentPendingAndItIsAskedAgainLater() {
        UUID paymentId = UUID.fromString(text(pay(buyer(), newKey(), SimulatedCards.RESPONSE_LOST), "$.id"));
        pause(Duration.ofMillis(2200));

        breaker.transitionToForcedOpenState();
        reconciler.runOnce();
        breaker.reset();

        assertThat(status(paymentId)).as("still unknown").isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT check_attempts FROM payments WHERE id = ?", Integer.class, paymentId))
                .isEqualTo(1);
        OffsetDateTime nextCheck = jdbc.queryForObject("SELECT next_check_at FROM payments WHERE id = ?",
                OffsetDateTime.class, paymentId);
        assertThat(nextCheck).isAfter(OffsetDateTime.now().minusSeconds(1));

        reconciler.runOnce();
        assertThat(status(paymentId)).as("not before its back-off (300 ms) is over").isEqualTo("PENDING");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            reconciler.runOnce();
            assertThat(status(paymentId)).isEqualTo("SUCCESS");
        });
        assertThat(awaitPaymentEvents(paymentId, 1)).hasSize(1);
    }

    @Test
    void aPaymentYoungerThanThePendingWindowIsLeftToItsRequest() {
        UUID paymentId = UUID.fromString(text(pay(buyer(), newKey(), SimulatedCards.RESPONSE_LOST), "$.id"));

        reconciler.runOnce();

        assertThat(status(paymentId)).isEqualTo("PENDING");
        assertThat(pgCalls(paymentId, "INQUIRE")).isZero();
    }

    @Test
    void settlingTwiceChangesNothing() {
        UUID paymentId = UUID.fromString(text(pay(buyer(), newKey(), SimulatedCards.RESPONSE_LOST), "$.id"));
        reconcileAfterPendingWindow();
        long version = jdbc.queryForObject("SELECT version FROM payments WHERE id = ?", Long.class, paymentId);

        reconciler.runOnce();

        assertThat(jdbc.queryForObject("SELECT version FROM payments WHERE id = ?", Long.class, paymentId))
                .isEqualTo(version);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_id = ?", Integer.class, paymentId))
                .isEqualTo(1);
    }

    /** Payments count as stale after 2.1 s in these tests (tiketi.payment.reconcile.pending-after, above the 2 s PG timeout). */
    private void reconcileAfterPendingWindow() {
        pause(Duration.ofMillis(2200));
        reconciler.runOnce();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
