package dev.tiketi.event.seatstatus;

import dev.tiketi.event.seatstatus.CatalogFixture.EventRow;
import dev.tiketi.event.seatstatus.CatalogFixture.SeatRow;
import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.ReservationHeld;
import dev.tiketi.events.Topics;
import dev.tiketi.testsupport.ConsumerOffsets;
import dev.tiketi.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reservation events through real Kafka into the real database. */
@SeatStatusIntegrationTest
class ReservationEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The consumer group of the test's listener. */
    private static final String CONSUMER_GROUP = SeatStatusIntegrationTest.GROUP;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final UUID user = UUID.randomUUID();
    private CatalogFixture catalog;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixture(jdbc);
    }

    @Test
    void confirmedReservationSellsItsSeats() {
        var event = catalog.onSale(3);
        UUID reservation = UUID.randomUUID();

        publishAndAwait(new ReservationConfirmed(reservation, event.id(), user, event.seatIds().subList(0, 2), 330_000));

        assertThat(catalog.seats(event.id())).isEqualTo(Map.of(
                event.seatIds().get(0), SeatRow.soldTo(reservation),
                event.seatIds().get(1), SeatRow.soldTo(reservation),
                event.seatIds().get(2), SeatRow.available()));
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("ON_SALE", 1, 1));
    }

    @Test
    void lastSeatSoldSellsOutAndARefundWhileTheSaleIsOpenReopensIt() {
        var event = catalog.onSale(2);
        UUID reservation = UUID.randomUUID();

        // each step writes the count, then the status rule writes the flip: two versions per step
        publishAndAwait(new ReservationConfirmed(reservation, event.id(), user, event.seatIds(), 330_000));
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("SOLD_OUT", 0, 2));

        publishAndAwait(new ReservationCancelled(reservation, event.id(), user, event.seatIds(), "USER_CANCELLED", true));
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("ON_SALE", 2, 4));
        assertThat(catalog.seats(event.id()).values()).containsOnly(SeatRow.available());
    }

    @Test
    void refundAfterTheSaleClosedFreesSeatsAndTheEventIsOverForSale() {
        UUID reservation = UUID.randomUUID();
        var event = catalog.soldOutAfterSale(2, reservation);

        publishAndAwait(new ReservationCancelled(reservation, event.id(), user, event.seatIds(), "USER_CANCELLED", true));

        // a sale that has closed is ENDED whatever its seats (EventStatusPolicy); seats back do not reopen it
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("ENDED", 2, 2));
        assertThat(catalog.seats(event.id()).values()).containsOnly(SeatRow.available());
    }

    @Test
    void eventsDeliveredTwiceAreAppliedOnce() {
        var event = catalog.onSale(3);
        UUID reservation = UUID.randomUUID();
        EventEnvelope sold = envelope(new ReservationConfirmed(reservation, event.id(), user, event.seatIds().subList(0, 1), 165_000));
        EventEnvelope refunded = envelope(new ReservationCancelled(reservation, event.id(), user, event.seatIds().subList(0, 1), "USER_CANCELLED", true));

        // applied twice, the second sale would sell the refunded seat again
        List.of(sold, refunded, sold, refunded).forEach(this::publish);
        awaitBarrier(reservation, event);

        assertThat(catalog.seat(event.seatIds().getFirst())).isEqualTo(SeatRow.available());
        assertThat(catalog.event(event.id())).as("one sale and one refund: two changes")
                .isEqualTo(new EventRow("ON_SALE", 3, 2));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id IN (?, ?)",
                Integer.class, sold.eventId(), refunded.eventId())).isEqualTo(2);
    }

    @Test
    void twentyEventsDeliveredTwiceInAnyOrderEndAsIfEachWasAppliedOnce() {
        var event = catalog.onSale(12);
        int[] seatsPerReservation = {2, 1, 2, 1, 2, 1, 1, 1, 1};
        Map<UUID, List<UUID>> seatsOf = new HashMap<>();
        List<Deque<EventEnvelope>> histories = new ArrayList<>();
        int nextSeat = 0;
        for (int i = 0; i < seatsPerReservation.length; i++) {
            UUID reservation = UUID.randomUUID();
            List<UUID> seats = event.seatIds().subList(nextSeat, nextSeat + seatsPerReservation[i]);
            nextSeat += seats.size();
            seatsOf.put(reservation, seats);
            histories.add(history(i, reservation, event.id(), seats));
        }
        assertThat(histories.stream().mapToInt(Deque::size).sum()).isEqualTo(20);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        // the topic keeps one reservation's events in order (same key, same partition); anything else goes
        interleave(histories, random).forEach(this::publish);
        interleave(histories, random).forEach(this::publish);
        seatsOf.keySet().forEach(reservation -> awaitBarrier(reservation, event));

        Map<UUID, SeatRow> expected = new HashMap<>();
        seatsOf.forEach((reservation, seats) -> {
            boolean kept = keeps(histories, reservation);
            seats.forEach(seat -> expected.put(seat, kept ? SeatRow.soldTo(reservation) : SeatRow.available()));
        });
        assertThat(catalog.seats(event.id())).as("seed %d", seed).isEqualTo(expected);
        assertThat(catalog.event(event.id())).as("6 sales and 2 refunds, each once; seed %d", seed)
                .isEqualTo(new EventRow("ON_SALE", 6, 8));
        // sales and refunds are recorded, each once; holds, expiries and unpaid cancellations change no seat here
        assertThat(histories.stream().flatMap(Deque::stream)).allMatch(envelope -> catalog.processed(envelope.eventId())
                == SeatStatusProjection.changesSeats((ReservationEvent) codec.payload(envelope)));
    }

    @Test
    void lateRefundOfAnOlderBookingDoesNotFreeASeatSoldToANewerOne() {
        var event = catalog.onSale(2);
        UUID seat = event.seatIds().getFirst();
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();

        publishAndAwait(new ReservationConfirmed(older, event.id(), user, List.of(seat), 165_000));
        publishAndAwait(new ReservationConfirmed(newer, event.id(), user, List.of(seat), 165_000));
        assertThat(catalog.seat(seat)).isEqualTo(SeatRow.soldTo(newer));
        assertThat(catalog.event(event.id()).availableCount()).as("the seat changed hands, it was not sold again")
                .isEqualTo(1);

        publishAndAwait(new ReservationCancelled(older, event.id(), user, List.of(seat), "USER_CANCELLED", true));

        assertThat(catalog.seat(seat)).isEqualTo(SeatRow.soldTo(newer));
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("ON_SALE", 1, 1));
    }

    @Test
    void holdsExpiriesAndUnpaidCancellationsChangeNoSeat() {
        var event = catalog.onSale(2);
        UUID reservation = UUID.randomUUID();
        List<UUID> seats = event.seatIds();

        publishAndAwait(held(reservation, event.id(), seats));
        publishAndAwait(new ReservationExpired(reservation, event.id(), user, seats));
        publishAndAwait(held(UUID.randomUUID(), event.id(), seats));
        publishAndAwait(new ReservationCancelled(UUID.randomUUID(), event.id(), user, seats, "PAYMENT_FAILED", false));

        assertThat(catalog.seats(event.id()).values()).containsOnly(SeatRow.available());
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("ON_SALE", 2, 0));
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheirPartitionMovesOn() throws Exception {
        var event = catalog.onSale(2);
        UUID reservation = UUID.randomUUID();
        String key = reservation.toString();
        var confirmed = new ReservationConfirmed(reservation, event.id(), user, event.seatIds().subList(0, 1), 165_000);
        byte[] garbage = concat(new byte[] {(byte) 0xff, 0x00, (byte) 0xfe}, UUID.randomUUID().toString());
        byte[] unknownType = codec.encodeToString(envelope(confirmed))
                .replace("\"ReservationConfirmed\"", "\"ReservationTeleported\"").getBytes(StandardCharsets.UTF_8);
        ObjectNode incomplete = (ObjectNode) json.readTree(codec.encode(envelope(confirmed)));
        ((ObjectNode) incomplete.get("payload")).remove("seatIds");
        byte[] missingField = json.writeValueAsBytes(incomplete);
        double deadLetteredBefore = deadLettered();

        // same key, so the same partition: the good record waits behind the three bad ones
        List.of(garbage, unknownType, missingField).forEach(poison -> send(key, poison));
        publishAndAwait(confirmed);

        assertThat(catalog.seat(event.seatIds().getFirst())).isEqualTo(SeatRow.soldTo(reservation));
        List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(key, 3);
        assertThat(deadLetters).extracting(ConsumerRecord::value)
                .containsExactly(garbage, unknownType, missingField);
        for (ConsumerRecord<String, byte[]> deadLetter : deadLetters) {
            assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.RESERVATION_EVENTS);
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo("dev.tiketi.events.MalformedEventException");
        }
        await().atMost(WAIT).until(() -> deadLettered() >= deadLetteredBefore + 3);
        assertThat(prometheus()).contains("tiketi_kafka_dlq_published_total{");
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedWithBackOffThenDeadLettered() {
        var event = catalog.onSale(2);
        // a corrupted counter: selling a seat would take it below zero, which the table refuses
        jdbc.update("UPDATE events SET available_count = 0 WHERE id = ?", event.id());
        UUID reservation = UUID.randomUUID();
        EventEnvelope failing = envelope(
                new ReservationConfirmed(reservation, event.id(), user, event.seatIds().subList(0, 1), 165_000));
        long sentAt = System.nanoTime();

        publish(failing);
        awaitDeadLetters(reservation.toString(), 1);

        // 4 attempts, 200 + 400 + 800 ms apart: dead-lettered at once, it would have taken milliseconds
        assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetters(reservation.toString(), 1).getFirst();
        assertThat(deadLetter.value()).isEqualTo(codec.encode(failing));
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).contains("DataIntegrityViolation");
        assertThat(catalog.processed(failing.eventId())).isFalse();
        assertThat(catalog.seat(event.seatIds().getFirst())).isEqualTo(SeatRow.available());

        // the partition moved on
        publishAndAwait(new ReservationExpired(reservation, event.id(), user, event.seatIds().subList(0, 1)));
    }

    @Test
    void topicsAreCreatedWithTheConfiguredPartitions() throws Exception {
        try (Admin admin = admin()) {
            var topics = admin.describeTopics(List.of(Topics.RESERVATION_EVENTS, Topics.PAYMENT_EVENTS,
                    Topics.dlq(Topics.RESERVATION_EVENTS), Topics.dlq(Topics.PAYMENT_EVENTS))).allTopicNames().get();

            assertThat(topics.get(Topics.RESERVATION_EVENTS).partitions()).hasSize(3);
            assertThat(topics.get(Topics.PAYMENT_EVENTS).partitions()).hasSize(3);
            assertThat(topics.get(Topics.dlq(Topics.RESERVATION_EVENTS)).partitions()).hasSize(1);
            assertThat(topics.get(Topics.dlq(Topics.PAYMENT_EVENTS)).partitions()).hasSize(1);
        }
    }

    @Test
    void replayingTheTopicFromTheStartChangesNothing() throws Exception {
        var event = catalog.onSale(3);
        UUID reservation = UUID.randomUUID();
        publishAndAwait(new ReservationConfirmed(reservation, event.id(), user, event.seatIds().subList(0, 2), 330_000));
        publishAndAwait(new ReservationCancelled(reservation, event.id(), user, event.seatIds().subList(0, 2), "USER_CANCELLED", true));
        publishAndAwait(new ReservationConfirmed(UUID.randomUUID(), event.id(), user, event.seatIds().subList(1, 3), 330_000));
        String before = snapshot();

        replayFromStart();

        assertThat(snapshot()).isEqualTo(before);
    }

    // --- event histories -------------------------------------------------------------------------------

    /** Held then confirmed; held, confirmed, refunded; held then expired; or held then released unpaid. */
    private Deque<EventEnvelope> history(int index, UUID reservation, UUID eventId, List<UUID> seats) {
        long amount = 165_000L * seats.size();
        Deque<EventEnvelope> history = new ArrayDeque<>();
        history.add(envelope(held(reservation, eventId, seats)));
        switch (index) {
            case 0, 1, 2, 3 -> history.add(envelope(new ReservationConfirmed(reservation, eventId, user, seats, amount)));
            case 4, 5 -> {
                history.add(envelope(new ReservationConfirmed(reservation, eventId, user, seats, amount)));
                history.add(envelope(new ReservationCancelled(reservation, eventId, user, seats, "USER_CANCELLED", true)));
            }
            case 6 -> history.add(envelope(new ReservationCancelled(reservation, eventId, user, seats, "PAYMENT_FAILED", false)));
            default -> history.add(envelope(new ReservationExpired(reservation, eventId, user, seats)));
        }
        return history;
    }

    /** Whether the reservation's history leaves its seats sold: confirmed and not refunded afterwards. */
    private static boolean keeps(List<Deque<EventEnvelope>> histories, UUID reservation) {
        return histories.stream()
                .filter(history -> history.getFirst().aggregateId().equals(reservation))
                .findFirst()
                .map(history -> history.getLast().eventType().equals(ReservationConfirmed.TYPE))
                .orElseThrow();
    }

    /** All envelopes in a random order that keeps each history's own order. */
    private static List<EventEnvelope> interleave(List<Deque<EventEnvelope>> histories, Random random) {
        List<Deque<EventEnvelope>> remaining = histories.stream()
                .map(history -> (Deque<EventEnvelope>) new ArrayDeque<>(history))
                .collect(Collectors.toCollection(ArrayList::new));
        List<EventEnvelope> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Deque<EventEnvelope> next = remaining.get(random.nextInt(remaining.size()));
            order.add(next.removeFirst());
            if (next.isEmpty()) {
                remaining.remove(next);
            }
        }
        return order;
    }

    private ReservationHeld held(UUID reservation, UUID eventId, List<UUID> seats) {
        return new ReservationHeld(reservation, eventId, user,
                seats.stream().map(seat -> new ReservationHeld.Seat(seat, "R", 165_000)).toList(),
                165_000L * seats.size(), Instant.now().plusSeconds(300));
    }

    // --- Kafka ---------------------------------------------------------------------------------------

    private EventEnvelope envelope(ReservationEvent event) {
        return codec.envelope(UUID.randomUUID(), event, 1, Instant.now(), "test", null);
    }

    private RecordMetadata publish(EventEnvelope envelope) {
        return send(envelope.aggregateId().toString(), codec.encode(envelope));
    }

    private RecordMetadata send(String key, byte[] value) {
        try {
            return kafka.send(Topics.RESERVATION_EVENTS, key, value).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.RESERVATION_EVENTS, e);
        }
    }

    /**
     * Publishes and waits until the consumer has committed past the record, which it does once the record's
     * transaction has committed (ack mode TIME: within ack-time + poll-timeout, 1.5 s). Not by the record's id in processed_events: a hold, an expiry
     * or an unpaid cancellation changes no seat here and is not recorded at all.
     */
    private void publishAndAwait(ReservationEvent event) {
        ConsumerOffsets.awaitPast(CONSUMER_GROUP, publish(envelope(event)), WAIT);
    }

    /**
     * Publishes a no-op record with the reservation's key and waits for it: once it is processed, so is
     * everything published before it under that key.
     */
    private void awaitBarrier(UUID reservation, CatalogFixture.Event event) {
        publishAndAwait(held(reservation, event.id(), event.seatIds().subList(0, 1)));
    }

    private double deadLettered() {
        Counter counter = meters.find("tiketi.kafka.dlq.published")
                .tag("topic", Topics.RESERVATION_EVENTS).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The dead letters with {@code key}, in order, once there are {@code count} of them. */
    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int count) {
        String topic = Topics.dlq(Topics.RESERVATION_EVENTS);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(WAIT).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
            return found.subList(0, count);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Stops this context's listener, rewinds its consumer group to offset 0 on every partition, restarts
     * it and waits until it has consumed the whole topic again.
     */
    private void replayFromStart() throws Exception {
        String topic = Topics.RESERVATION_EVENTS;
        MessageListenerContainer container = listeners.getListenerContainer(ReservationEventsListener.ID);
        assertThat(container).isNotNull();
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));

            container.stop();
            Map<TopicPartition, OffsetAndMetadata> start = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> new OffsetAndMetadata(0)));
            // the broker refuses while the stopped members are still leaving the group
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(SeatStatusIntegrationTest.GROUP, start).all().get();
                return true;
            });
            container.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(SeatStatusIntegrationTest.GROUP)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.endpoints().kafkaBootstrapServers()));
    }

    private String prometheus() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** Every seat's and every event's projected state, and the inbox size. */
    /**
     * What bookings decide: every seat and available count of the events this class's fixtures made, and the
     * inbox. Statuses are left out on purpose: the status scheduler of other cached test contexts moves them
     * with the clock while this test runs, and they follow from the counts anyway.
     */
    private String snapshot() {
        String seats = String.join(",", jdbc.queryForList("""
                SELECT s.id || ':' || s.status || ':' || coalesce(s.sold_reservation_id::text, '-')
                FROM seats s JOIN events e ON e.id = s.event_id
                WHERE e.artist = 'Test artist' ORDER BY s.id""", String.class));
        String events = String.join(",", jdbc.queryForList("""
                SELECT id || ':' || available_count FROM events WHERE artist = 'Test artist' ORDER BY id""",
                String.class));
        Integer processed = jdbc.queryForObject("SELECT count(*) FROM processed_events", Integer.class);
        return seats + "|" + events + "|" + processed;
    }

    private static byte[] concat(byte[] prefix, String text) {
        byte[] suffix = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(prefix, prefix.length + suffix.length);
        System.arraycopy(suffix, 0, all, prefix.length, suffix.length);
        return all;
    }
}
