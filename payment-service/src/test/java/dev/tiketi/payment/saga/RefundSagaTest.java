package dev.tiketi.payment.saga;

import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.PaymentRefunded;
import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.ReservationPaymentRejected;
import dev.tiketi.events.Topics;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment side of the saga over real Kafka: reservation events in, refunds recorded by the consumer,
 * carried out by the refund worker, PaymentRefunded out through the outbox.
 */
class RefundSagaTest extends PaymentIntegrationTest {

    @Test
    void aCancelledBookingIsRefundedAndPaymentRefundedIsPublished() {
        Buyer buyer = buyer();
        UUID paymentId = paid(buyer);

        awaitProcessed(publish(cancelled(buyer, true)));

        assertThat(status(paymentId)).as("the consumer only records the intent").isEqualTo("REFUND_PENDING");
        assertThat(pgCalls(paymentId, "CANCEL")).isZero();

        assertThat(refunds.runOnce()).isGreaterThanOrEqualTo(1);

        assertThat(status(paymentId)).isEqualTo("REFUNDED");
        assertThat(jdbc.queryForObject("SELECT status FROM sim_pg_transactions WHERE order_id = ?", String.class,
                paymentId.toString())).as("the PG gave the money back").isEqualTo("CANCELLED");
        List<EventEnvelope> events = awaitPaymentEvents(paymentId, 2);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly(PaymentSucceeded.TYPE, PaymentRefunded.TYPE);
        assertThat(events).extracting(EventEnvelope::version).containsExactly(2L, 4L);
        PaymentRefunded refunded = codec.payload(events.get(1), PaymentRefunded.class);
        assertThat(refunded.amount()).isEqualTo(330_000);
        assertThat(refunded.reason()).isEqualTo("USER_CANCELLED");
        assertThat(refunded.reservationId()).isEqualTo(buyer.reservation().id());
    }

    @Test
    void aPaymentTheReservationRejectedIsRefunded() {
        Buyer buyer = buyer();
        UUID paymentId = paid(buyer);

        awaitProcessed(publish(new ReservationPaymentRejected(buyer.reservation().id(), buyer.reservation().eventId(),
                buyer.userId(), paymentId, 330_000, "RESERVATION_EXPIRED")));
        assertThat(status(paymentId)).isEqualTo("REFUND_PENDING");
        refunds.runOnce();

        assertThat(status(paymentId)).isEqualTo("REFUNDED");
        EventEnvelope refunded = awaitPaymentEvents(paymentId, 2).get(1);
        assertThat(codec.payload(refunded, PaymentRefunded.class).reason()).isEqualTo("RESERVATION_EXPIRED");
    }

    @Test
    void aRedeliveredOrRepeatedRefundRequestRefundsOnce() {
        Buyer buyer = buyer();
        UUID paymentId = paid(buyer);
        EventEnvelope cancelled = codec.envelope(UUID.randomUUID(), cancelled(buyer, true), 3,
                java.time.Instant.now(), "test", null);

        publish(cancelled);
        publish(cancelled);
        EventEnvelope repeated = publish(new ReservationPaymentRejected(buyer.reservation().id(),
                buyer.reservation().eventId(), buyer.userId(), paymentId, 330_000, "RESERVATION_CANCELLED"));
        awaitProcessed(repeated);
        refunds.runOnce();
        refunds.runOnce();

        assertThat(status(paymentId)).isEqualTo("REFUNDED");
        assertThat(pgCalls(paymentId, "CANCEL")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND event_type = ?",
                Integer.class, paymentId, PaymentRefunded.TYPE)).isEqualTo(1);
    }

    @Test
    void aFailedPgCancelIsRetriedWithBackOff() {
        Buyer buyer = buyer();
        UUID paymentId = paid(buyer);
        awaitProcessed(publish(cancelled(buyer, true)));

        breaker.transitionToForcedOpenState();
        refunds.runOnce();
        breaker.reset();

        assertThat(status(paymentId)).isEqualTo("REFUND_PENDING");
        assertThat(jdbc.queryForObject("SELECT refund_attempts FROM payments WHERE id = ?", Integer.class, paymentId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_refund_error FROM payments WHERE id = ?", String.class, paymentId))
                .startsWith("CIRCUIT_OPEN");
        refunds.runOnce();
        assertThat(status(paymentId)).as("not before the back-off (300 ms)").isEqualTo("REFUND_PENDING");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            refunds.runOnce();
            assertThat(status(paymentId)).isEqualTo("REFUNDED");
        });
        assertThat(jdbc.queryForObject("SELECT refund_attempts FROM payments WHERE id = ?", Integer.class, paymentId))
                .isEqualTo(2);
    }

    @Test
    void eventsThatMoveNoMoneyChangeNothing() {
        Buyer buyer = buyer();
        UUID paymentId = paid(buyer);
        List<UUID> seats = List.of(UUID.randomUUID());

        EventEnvelope confirmed = publish(new ReservationConfirmed(buyer.reservation().id(),
                buyer.reservation().eventId(), buyer.userId(), seats, 330_000));
        EventEnvelope expired = publish(new ReservationExpired(buyer.reservation().id(), buyer.reservation().eventId(),
                buyer.userId(), seats));
        publishAndAwaitConsumed(cancelled(buyer, false), 2);

        assertThat(status(paymentId)).isEqualTo("SUCCESS");
        // nothing to do, so nothing to remember: no processed_events row per hold, confirmation or expiry
        assertThat(processed(confirmed.eventId()) || processed(expired.eventId())).isFalse();
    }

    @Test
    void aRefundForAPaymentThatDoesNotExistIsDeadLettered() {
        Buyer buyer = buyer();
        UUID unknownPayment = UUID.randomUUID();

        EventEnvelope rejected = publish(new ReservationPaymentRejected(buyer.reservation().id(),
                buyer.reservation().eventId(), buyer.userId(), unknownPayment, 330_000, "RESERVATION_EXPIRED"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(records(Topics.dlq(Topics.RESERVATION_EVENTS)))
                .extracting(ConsumerRecord::value)
                .anySatisfy(value -> assertThat(codec.decode(value).eventId()).isEqualTo(rejected.eventId())));
        assertThat(processed(rejected.eventId())).as("rolled back with its failure").isFalse();

        // the partition moved on
        Buyer next = buyer();
        UUID paymentId = paid(next);
        awaitProcessed(publish(cancelled(next, true)));
        assertThat(status(paymentId)).isEqualTo("REFUND_PENDING");
    }

    private static ReservationCancelled cancelled(Buyer buyer, boolean wasConfirmed) {
        return new ReservationCancelled(buyer.reservation().id(), buyer.reservation().eventId(), buyer.userId(),
                List.of(UUID.randomUUID(), UUID.randomUUID()), wasConfirmed ? "USER_CANCELLED" : "HOLD_RELEASED",
                wasConfirmed);
    }
}
