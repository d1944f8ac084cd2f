package dev.tiketi.reservation.saga;

import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.PaymentFailed;
import dev.tiketi.events.PaymentRefunded;
import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.events.Topics;
import dev.tiketi.reservation.hold.HoldKeys;
import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.Upstreams;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import dev.tiketi.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** payment.events through real Kafka into the real database, and reservation events out through the outbox. */
class PaymentSagaTest extends ReservationIntegrationTest {

    private final UUID buyer = UUID.randomUUID();

    @Test
    void aPaymentInTimeConfirmsSellsTheSeatsInRedisAndReleasesTheQueueSlot() {
        TestEvent event = catalog.onSale(5);
        UUID reservation = held(buyer, event.id(), event.seats(0, 1));

        UUID payment = pay(reservation);

        assertThat(outbox(reservation)).containsExactly("ReservationHeld v1", "ReservationConfirmed v2");
        assertThat(lastOutboxPayload(reservation)).containsEntry("totalAmount", 200_000)
                .containsEntry("seatIds", List.of(event.seatIds().get(0).toString(), event.seatIds().get(1).toString()));
        assertThat(jdbc.sql("SELECT payment_id FROM reservations WHERE id = :id").param("id", reservation)
                .query(UUID.class).single()).isEqualTo(payment);
        assertThat(liveSeats(event.id())).isEqualTo(Map.of(event.seatIds().get(0), reservation, event.seatIds().get(1), reservation));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(upstreams.releasedSlots()).contains(new Upstreams.Admission(buyer, event.id()));
            assertThat(redis.opsForValue().get(HoldKeys.seat(event.id(), event.seatIds().getFirst()))).isEqualTo("sold:" + reservation);
        });

        var seatMap = call("GET", "/api/seats/" + event.id() + "/status", buyer, null);
        assertThat(json(seatMap, "$.sold").toString()).contains(event.seatIds().get(0).toString());
        assertThat(json(seatMap, "$.held").toString()).isEqualTo("[]");
        var late = hold(UUID.randomUUID(), event.id(), event.seats(1, 2));
        assertProblem(late, 409, "seats-unavailable");
        assertThat(json(late, "$.seats[0].state").toString()).as("refused by Redis's sold marker").isEqualTo("SOLD");
    }

    @Test
    void theSamePaymentDeliveredAgainChangesNothingAndASecondPaymentIsRejected() {
        TestEvent event = catalog.onSale(5);
        UUID reservation = held(buyer, event.id(), event.seats(0));
        EventEnvelope paid = publish(new PaymentSucceeded(UUID.randomUUID(), reservation, buyer, 100_000, "SIMULATED",
                Instant.now()));
        awaitProcessed(paid);

        publish(paid);
        EventEnvelope samePaymentAgain = publish(new PaymentSucceeded(
                codec.payload(paid, PaymentSucceeded.class).paymentId(), reservation, buyer, 100_000, "SIMULATED", Instant.now()));
        awaitProcessed(samePaymentAgain);
        UUID secondPayment = UUID.randomUUID();
        awaitProcessed(publish(new PaymentSucceeded(secondPayment, reservation, buyer, 100_000, "SIMULATED", Instant.now())));

        assertThat(status(reservation)).isEqualTo("CONFIRMED");
        assertThat(outbox(reservation)).containsExactly("ReservationHeld v1", "ReservationConfirmed v2",
                "ReservationPaymentRejected v2");
        assertThat(lastOutboxPayload(reservation)).containsEntry("paymentId", secondPayment.toString())
                .containsEntry("reason", "RESERVATION_ALREADY_PAID");
    }

    @Test
    void aPaymentApprovedAfterTheHoldEndedExpiresTheReservationAndIsRejected() {
        TestEvent event = catalog.onSale(5);
        UUID reservation = held(buyer, event.id(), event.seats(0, 1));
        Instant holdEnd = jdbc.sql("SELECT hold_expires_at FROM reservations WHERE id = :id").param("id", reservation)
                .query(java.sql.Timestamp.class).single().toInstant();
        UUID payment = UUID.randomUUID();

        awaitProcessed(publish(new PaymentSucceeded(payment, reservation, buyer, 200_000, "SIMULATED", holdEnd.plusSeconds(1))));

        assertThat(status(reservation)).isEqualTo("EXPIRED");
        assertThat(outbox(reservation)).containsExactly("ReservationHeld v1", "ReservationExpired v2",
                "ReservationPaymentRejected v2");
        assertThat(lastOutboxPayload(reservation)).containsEntry("paymentId", payment.toString())
                .containsEntry("amount", 200_000).containsEntry("reason", "RESERVATION_EXPIRED");
        assertThat(liveSeats(event.id())).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(heldInRedis(event.id())).isEmpty();
            assertThat(upstreams.releasedSlots()).contains(new Upstreams.Admission(buyer, event.id()));
        });
    }

    @Test
    void aPaymentForACancelledReservationIsRejectedAndItStaysCancelled() {
        TestEvent event = catalog.onSale(5);
        UUID reservation = held(buyer, event.id(), event.seats(0));
        assertThat(call("DELETE", "/api/reservations/" + reservation, buyer, null).statusCode()).isEqualTo(204);

        awaitProcessed(publish(new PaymentSucceeded(UUID.randomUUID(), reservation, buyer, 100_000, "SIMULATED", Instant.now())));

        assertThat(status(reservation)).isEqualTo("CANCELLED");
        assertThat(outbox(reservation)).containsExactly("ReservationHeld v1", "ReservationCancelled v2",
                "ReservationPaymentRejected v2");
        assertThat(lastOutboxPayload(reservation)).containsEntry("reason", "RESERVATION_CANCELLED");
    }

    @Test
    void aPaymentOfAnotherAmountIsRejectedAndTheHoldStaysPending() {
        TestEvent event = catalog.onSale(5);
        UUID reservation = held(buyer, event.id(), event.seats(0, 1));

        awaitProcessed(publish(new PaymentSucceeded(UUID.randomUUID(), reservation, buyer, 100_000, "SIMULATED", Instant.now())));

        assertThat(status(reservation)).isEqualTo("PENDING");
        assertThat(lastOutboxPayload(reservation)).containsEntry("reason", "AMOUNT_MISMATCH");
    }

    @Test
    void aFailedPaymentCancelsTheHoldAndFreesItsSeats() {
        TestEvent event = catalog.onSale(5);
        UUID reservation = held(buyer, event.id(), event.seats(0, 1));

        awaitProcessed(publish(new PaymentFailed(UUID.randomUUID(), reservation, buyer, 200_000, "DECLINED")));

        assertThat(jdbc.sql("SELECT status || ' ' || cancel_reason || ' ' || was_confirmed FROM reservations WHERE id = :id")
                .param("id", reservation).query(String.class).single()).isEqualTo("CANCELLED PAYMENT_FAILED false");
        assertThat(outbox(reservation)).containsExactly("ReservationHeld v1", "ReservationCancelled v2");
        assertThat(lastOutboxPayload(reservation)).containsEntry("wasConfirmed", false)
                .containsEntry("reason", "PAYMENT_FAILED");
        assertThat(liveSeats(event.id())).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(heldInRedis(event.id())).isEmpty());
        held(UUID.randomUUID(), event.id(), event.seats(0, 1));
    }

    @Test
    void aRefundOfACancelledBookingMakesItRefundedAndOtherwiseIsOnlyRecorded() {
        TestEvent event = catalog.onSale(5);
        UUID booking = held(buyer, event.id(), event.seats(0));
        UUID payment = pay(booking);
        assertThat(call("POST", "/api/reservations/" + booking + "/cancel", buyer, null).statusCode()).isEqualTo(200);
        UUID released = held(buyer, event.id(), event.seats(1));
        call("DELETE", "/api/reservations/" + released, buyer, null);

        awaitProcessed(publish(new PaymentRefunded(payment, booking, buyer, 100_000, "USER_CANCELLED", Instant.now())));
        awaitProcessed(publish(new PaymentRefunded(UUID.randomUUID(), released, buyer, 100_000, "RESERVATION_CANCELLED",
                Instant.now())));

        assertThat(row(booking)).isEqualTo("REFUNDED v4 refunded");
        assertThat(row(released)).as("not a change of status, so no new version").isEqualTo("CANCELLED v2 refunded");
    }

    @Test
    void aPaymentForAReservationThatDoesNotExistIsDeadLettered() {
        UUID payment = UUID.randomUUID();
        publish(new PaymentSucceeded(payment, UUID.randomUUID(), buyer, 1, "SIMULATED", Instant.now()));

        List<ConsumerRecord<String, byte[]>> deadLetters = read(Topics.dlq(Topics.PAYMENT_EVENTS), payment, 1);

        assertThat(new String(deadLetters.getFirst().headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).value()))
                .isEqualTo("dev.tiketi.messaging.UnprocessableEventException");
    }

    @Test
    void theOutboxRelayPublishesTheReservationsEventsInOrder() {
        TestEvent event = catalog.onSale(5);
        UUID reservation = held(buyer, event.id(), event.seats(0));
        pay(reservation);

        List<ConsumerRecord<String, byte[]>> published = read(Topics.RESERVATION_EVENTS, reservation, 2);

        assertThat(published).extracting(record -> codec.decode(record.value()).eventType())
                .containsExactly("ReservationHeld", "ReservationConfirmed");
        assertThat(published).extracting(record -> codec.decode(record.value()).version()).containsExactly(1L, 2L);
    }

    private String row(UUID reservation) {
        return jdbc.sql("""
                        SELECT status || ' v' || version || CASE WHEN refunded_at IS NULL THEN '' ELSE ' refunded' END
                          FROM reservations WHERE id = :id""")
                .param("id", reservation).query(String.class).single();
    }

    /** The records of {@code topic} whose key is {@code key}, once there are {@code count} of them. */
    private static List<ConsumerRecord<String, byte[]>> read(String topic, UUID key, int count) {
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.toString().equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }
}
