package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import dev.tiketi.e2e.Sale.Hold;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.tiketi.e2e.Sale.APPROVED_CARD;
import static dev.tiketi.e2e.Sale.DECLINED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC's reliability targets for the saga: it converges within 30 s after the broker or a consumer went away
 * mid-sale, and a topic replayed from offset 0 changes nothing.
 */
@ExtendWith(PlatformExtension.class)
class SagaFaultsE2ETest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private static PlatformUnderTest platform;
    private static Api gateway;
    private static SagaAudit audit;

    @BeforeAll
    static void platform(PlatformUnderTest running) {
        platform = running;
        gateway = running.gateway();
        audit = new SagaAudit(running.platform());
    }

    @Test
    void paymentsMadeWhileKafkaIsDownConvergeOnceItIsBackAndALateSuccessIsRefunded() {
        // payment-service learns of holds from reservation.events (its own copy; it asks reservation-service
        // nothing), so a hold is payable during an outage when its event arrived before the broker went
        Sale sale = Sale.open(platform);
        Hold late = sale.hold(1);
        awaitCopied(late);
        platform.platform().stopKafka();
        Reply latePayment;
        Hold heldDuringOutage;
        try {
            latePayment = late.pay(gateway, APPROVED_CARD);
            assertThat(latePayment.<String>read("$.status")).as(latePayment.body()).isEqualTo("SUCCESS");
            // the success cannot reach reservation-service before the hold runs out (the saga's clock is 30 s here)
            await().atMost(Duration.ofSeconds(60)).until(() -> late.reservationStatus(gateway).equals("EXPIRED"));

            // a hold taken while the broker is down cannot be paid until its event reaches payment-service: 503 with
            // Retry-After, nothing charged; the same payment goes through once the broker is back
            heldDuringOutage = sale.hold(1);
            Reply tooEarly = heldDuringOutage.pay(gateway, APPROVED_CARD);
            assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(503);
            assertThat(tooEarly.<String>read("$.code")).isEqualTo("reservation-not-known-yet");
        } finally {
            platform.platform().startKafka();
        }
        await().atMost(CONVERGENCE).until(() -> heldDuringOutage.pay(gateway, APPROVED_CARD).status() == 201);

        Hold paid = sale.hold(2);
        Hold alsoPaid = sale.hold(1);
        Hold declined = sale.hold(1);
        awaitCopied(paid, alsoPaid, declined);
        platform.platform().stopKafka();
        try {
            assertThat(paid.pay(gateway, APPROVED_CARD).<String>read("$.status")).isEqualTo("SUCCESS");
            assertThat(alsoPaid.pay(gateway, APPROVED_CARD).<String>read("$.status")).isEqualTo("SUCCESS");
            assertThat(declined.pay(gateway, DECLINED_CARD).<String>read("$.status")).isEqualTo("FAILED");
            assertThat(paid.reservationStatus(gateway)).as("no event can arrive while the broker is down").isEqualTo("PENDING");

            platform.platform().startKafka();

            await().atMost(CONVERGENCE).until(() -> paid.reservationStatus(gateway).equals("CONFIRMED")
                    && alsoPaid.reservationStatus(gateway).equals("CONFIRMED")
                    && heldDuringOutage.reservationStatus(gateway).equals("CONFIRMED")
                    && declined.reservationStatus(gateway).equals("CANCELLED"));
            String latePaymentId = latePayment.read("$.id");
            await().atMost(CONVERGENCE).until(() -> late.paymentStatus(gateway, latePaymentId).equals("REFUNDED"));
            assertThat(late.reservationStatus(gateway)).as("money refunded, booking not confirmed").isEqualTo("EXPIRED");
            await().atMost(CONVERGENCE).until(() -> sale.soldSeats().size() == 4);
            assertThat(sale.soldSeats()).containsExactlyInAnyOrderElementsOf(
                    concat(concat(paid.seatIds(), alsoPaid.seatIds()), heldDuringOutage.seatIds()));
            await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(audit.violations()).isEmpty());
        } finally {
            platform.platform().startKafka();
        }
    }

    /** Waits until payment-service's reservation copy knows the holds (their ReservationHeld arrived). */
    private static void awaitCopied(Hold... holds) {
        await().atMost(CONVERGENCE).until(() -> audit.reservationCopy().keySet().containsAll(
                Stream.of(holds).map(Hold::reservationId).toList()));
    }

    @Test
    void consumersKilledMidStreamCatchUpAfterTheirRestart() {
        Sale sale = Sale.open(platform);
        List<Hold> holds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holds.add(sale.hold(1));
        }
        for (Hold hold : holds) {
            assertThat(hold.pay(gateway, APPROVED_CARD).<String>read("$.status")).isEqualTo("SUCCESS");
        }
        platform.platform().kill("reservation-service");
        platform.platform().kill("event-service");

        platform.platform().restart("reservation-service");
        platform.platform().restart("event-service");

        await().atMost(CONVERGENCE).until(() -> holds.stream()
                .allMatch(hold -> hold.reservationStatus(gateway).equals("CONFIRMED")));
        await().atMost(CONVERGENCE).until(() -> sale.soldSeats().size() == holds.size());
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(audit.violations()).isEmpty());
    }

    @Test
    void replayingPaymentEventsFromOffsetZeroChangesNothing() throws Exception {
        Sale sale = Sale.open(platform);
        Hold confirmed = sale.hold(1);
        Hold cancelled = sale.hold(1);
        assertThat(confirmed.pay(gateway, APPROVED_CARD).<String>read("$.status")).isEqualTo("SUCCESS");
        assertThat(cancelled.pay(gateway, DECLINED_CARD).<String>read("$.status")).isEqualTo("FAILED");
        await().atMost(CONVERGENCE).until(() -> confirmed.reservationStatus(gateway).equals("CONFIRMED")
                && cancelled.reservationStatus(gateway).equals("CANCELLED"));
        awaitCaughtUp("reservation-service", Topics.PAYMENT_EVENTS);
        Map<String, String> reservationsBefore = audit.reservationStates();
        Map<String, String> paymentsBefore = audit.paymentStates();
        List<String> soldBefore = sale.soldSeats();

        int replayed = republishFromOffsetZero(Topics.PAYMENT_EVENTS);

        assertThat(replayed).isGreaterThanOrEqualTo(2);
        awaitCaughtUp("reservation-service", Topics.PAYMENT_EVENTS);
        awaitCaughtUp("event-service", Topics.RESERVATION_EVENTS);
        assertThat(audit.reservationStates()).isEqualTo(reservationsBefore);
        assertThat(audit.paymentStates()).isEqualTo(paymentsBefore);
        assertThat(sale.soldSeats()).containsExactlyInAnyOrderElementsOf(soldBefore);
    }

    /** Sends every record the topic holds once more, key and value unchanged, as a replay from offset 0 delivers them. */
    private static int republishFromOffsetZero(String topic) {
        String servers = platform.platform().infrastructure().kafkaBootstrapServers();
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-replay-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        int sent = 0;
        try (var consumer = new KafkaConsumer<byte[], byte[]>(consumerConfig);
             var producer = new KafkaProducer<byte[], byte[]>(producerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
                        sent++;
                    }
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** Waits until the consumer group has committed the topic's current end on every partition. */
    private static void awaitCaughtUp(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.platform().infrastructure().kafkaBootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> end = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            await().atMost(CONVERGENCE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return partitions.stream().allMatch(partition -> end.get(partition) == 0
                        || (committed.get(partition) != null && committed.get(partition).offset() >= end.get(partition)));
            });
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
