package dev.tiketi.reservation.cancellation;

import dev.tiketi.events.CatalogFacts;
import dev.tiketi.events.EventCancelled;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.events.Topics;
import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** event.events through real Kafka: a cancelled event's live reservations are cancelled, bookings for refund. */
class EventCancellationTest extends ReservationIntegrationTest {

    @Test
    void everyLiveReservationOfTheEventIsCancelledAndEveryBookingGoesToRefund() {
        TestEvent event = catalog.onSale(10);
        TestEvent otherEvent = catalog.onSale(2);
        UUID booked1 = held(UUID.randomUUID(), event.id(), event.seats(0, 1));
        UUID booked2 = held(UUID.randomUUID(), event.id(), event.seats(2));
        pay(booked1);
        pay(booked2);
        UUID hold = held(UUID.randomUUID(), event.id(), event.seats(3, 4));
        UUID released = held(UUID.randomUUID(), event.id(), event.seats(5));
        call("DELETE", "/api/reservations/" + released, userOf(released), null);
        UUID elsewhere = held(UUID.randomUUID(), otherEvent.id(), otherEvent.seats(0));

        EventEnvelope cancellation = publishCancellation(event.id());
        awaitProcessed(cancellation);

        for (UUID booking : List.of(booked1, booked2)) {
            assertThat(status(booking)).isEqualTo("CANCELLED");
            assertThat(row(booking)).containsEntry("cancel_reason", "EVENT_CANCELLED").containsEntry("was_confirmed", true);
            assertThat(outbox(booking)).last().isEqualTo("ReservationCancelled v3");
            assertThat(lastOutboxPayload(booking)).containsEntry("wasConfirmed", true)
                    .containsEntry("reason", "EVENT_CANCELLED");
        }
        assertThat(status(hold)).isEqualTo("CANCELLED");
        assertThat(row(hold)).containsEntry("cancel_reason", "EVENT_CANCELLED").containsEntry("was_confirmed", false);
        assertThat(lastOutboxPayload(hold)).containsEntry("wasConfirmed", false);
        assertThat(row(released)).containsEntry("cancel_reason", "USER_RELEASED");
        assertThat(status(elsewhere)).isEqualTo("PENDING");
        assertThat(liveSeats(event.id())).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(heldInRedis(event.id())).isEmpty());

        // a redelivery, and a second cancellation after it on the same partition, change nothing
        publish(cancellation);
        awaitProcessed(publishCancellation(event.id()));
        assertThat(outbox(booked1)).hasSize(3);
        assertThat(outbox(hold)).hasSize(2);
    }

    @Test
    void aPaymentForAHoldThatSlippedInAfterTheCancellationIsRefusedAndTheHoldCancelled() {
        TestEvent event = catalog.onSale(4);
        awaitProcessed(publishCancellation(event.id()));
        // the copy of the catalog had not caught up yet (its own consumer group, its own pace): as it was before
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "UPDATE catalog_events SET status = 'ON_SALE', version = 1 WHERE event_id = :id AND version = 2")
                .param("id", event.id()).update() == 1);
        UUID user = UUID.randomUUID();
        UUID late = held(user, event.id(), event.seats(0));
        UUID payment = UUID.randomUUID();

        awaitProcessed(publish(new PaymentSucceeded(payment, late, user, 100_000L, "SIMULATED", Instant.now())));

        assertThat(status(late)).isEqualTo("CANCELLED");
        assertThat(row(late)).containsEntry("cancel_reason", "EVENT_CANCELLED").containsEntry("was_confirmed", false);
        assertThat(outbox(late)).containsExactly("ReservationHeld v1", "ReservationCancelled v2",
                "ReservationPaymentRejected v2");
        assertThat(lastOutboxPayload(late)).containsEntry("paymentId", payment.toString())
                .containsEntry("reason", "EVENT_CANCELLED");
    }

    private EventEnvelope publishCancellation(UUID eventId) {
        Instant now = Instant.now();
        EventCancelled cancelled = new EventCancelled(eventId, new CatalogFacts("Test concert", "Artist", "Venue", "Hall",
                now.plusSeconds(86_400), now.plusSeconds(90_000), now.minusSeconds(3_600), now.plusSeconds(80_000),
                "CANCELLED", 10, List.of()), now);
        EventEnvelope envelope = codec.envelope(UUID.randomUUID(), cancelled, 2, now, null, null);
        publish(envelope);
        return envelope;
    }

    @Override
    protected void publish(EventEnvelope envelope) {
        String topic = envelope.aggregateType().equals("Event") ? Topics.EVENT_EVENTS : Topics.PAYMENT_EVENTS;
        try {
            kafka.send(topic, envelope.aggregateId().toString(), codec.encode(envelope)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID userOf(UUID reservation) {
        return jdbc.sql("SELECT user_id FROM reservations WHERE id = :id").param("id", reservation)
                .query(UUID.class).single();
    }

    private Map<String, Object> row(UUID reservation) {
        return jdbc.sql("SELECT cancel_reason, was_confirmed FROM reservations WHERE id = :id")
                .param("id", reservation).query().singleRow();
    }
}
