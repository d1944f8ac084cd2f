package dev.tiketi.messaging.it;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.Topics;
import dev.tiketi.messaging.OutboxProperties;
import dev.tiketi.messaging.dlq.DeadLetterTopics;
import dev.tiketi.messaging.inbox.Inbox;
import dev.tiketi.messaging.outbox.Outbox;
import dev.tiketi.messaging.outbox.OutboxRelay;
import dev.tiketi.testsupport.InfrastructureInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.username=reservation_service",
        "spring.datasource.password=reservation_service_local",
        "spring.sql.init.mode=always",
        "tiketi.outbox.enabled=true",
        "spring.kafka.consumer.group-id=messaging-test"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class MessagingIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Inbox inbox;
    @Autowired
    DeadLetterTopics deadLetters;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    KafkaTemplate<?, ?> kafka;
    @Autowired
    KafkaProperties kafkaProperties;
    @Autowired
    MeterRegistry meters;

    @Test
    void twoRelaysPublishEveryEventOnceAndEachAggregateInOrder() throws Exception {
        int aggregates = 20;
        int eventsPerAggregate = 20;
        List<UUID> reservationIds = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            reservationIds.add(UUID.randomUUID());
        }
        var secondRelay = relayOf(new OutboxProperties(Duration.ofMillis(20), 7, Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofDays(1), Duration.ZERO));
        secondRelay.start();
        try (var consumer = consumerFrom(Topics.RESERVATION_EVENTS);
             ExecutorService writers = Executors.newFixedThreadPool(4)) {
            var transactions = new TransactionTemplate(transactionManager);
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                List<UUID> mine = reservationIds.subList(writer * 5, writer * 5 + 5);
                writes.add(writers.submit(() -> {
                    for (long version = 1; version <= eventsPerAggregate; version++) {
                        for (UUID reservationId : mine) {
                            long v = version;
                            transactions.executeWithoutResult(status -> outbox.append(expired(reservationId), v));
                        }
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }

            Map<UUID, List<Long>> versions = new ConcurrentHashMap<>();
            Set<UUID> ours = Set.copyOf(reservationIds);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (versions.values().stream().mapToInt(List::size).sum() < aggregates * eventsPerAggregate
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope envelope = codec.decode(record.value());
                    if (ours.contains(envelope.aggregateId())) {
                        assertThat(record.key()).isEqualTo(envelope.aggregateId().toString());
                        versions.computeIfAbsent(envelope.aggregateId(), id -> new ArrayList<>()).add(envelope.version());
                    }
                }
            }
            List<Long> expected = LongStream.rangeClosed(1, eventsPerAggregate).boxed().toList();
            assertThat(versions).hasSize(aggregates);
            versions.forEach((id, received) -> assertThat(received).as("versions of %s", id).isEqualTo(expected));
            assertThat(consumer.poll(Duration.ofMillis(500)).records(Topics.RESERVATION_EVENTS))
                    .noneMatch(record -> ours.contains(codec.decode(record.value()).aggregateId()));
        } finally {
            secondRelay.stop();
        }
        assertThat(unpublished(reservationIds)).isZero();
        assertThat(meters.get("tiketi.outbox.publish.delay").timer().count()).isPositive();
    }

    /**
     * A relay of its own, woken after each commit as {@link Outbox#append} wakes the service's relay, with no poll
     * in between; the service's relay is stopped meanwhile so that it does not take the rows.
     */
    @Test
    void rowsCommittedOneByOneWithinTheGatherWindowArePublishedInOneBatch() throws InterruptedException {
        var gathering = relayOf(new OutboxProperties(Duration.ofSeconds(30), 200, Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofDays(1), Duration.ofSeconds(1)));
        relay.stop();
        gathering.start();
        try {
            // a started relay first claims whatever is there, without waiting: on a loaded machine that first claim
            // came after the first commit once, and took that row alone (CI saw two batches)
            awaitWaitingForAWakeUp();
            var transactions = new TransactionTemplate(transactionManager);
            List<UUID> reservationIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                UUID reservationId = UUID.randomUUID();
                reservationIds.add(reservationId);
                // five transactions, each waking the relay, further apart than a batch takes
                transactions.executeWithoutResult(status -> outbox.append(expired(reservationId), 1));
                gathering.wakeUp();
                Thread.sleep(50);
            }

            Instant deadline = Instant.now().plus(DEADLINE);
            while (unpublished(reservationIds) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(unpublished(reservationIds)).isZero();
            // a batch marks its rows with one timestamp: one claim, one update, one commit for all five
            assertThat(jdbc.sql("SELECT count(DISTINCT published_at) FROM outbox WHERE aggregate_id IN (:ids)")
                    .param("ids", reservationIds).query(Long.class).single()).isEqualTo(1);
        } finally {
            gathering.stop();
            relay.start();
        }
    }

    /** Until the one running relay's thread waits for a wake-up (or its poll interval), having claimed what it found. */
    private static void awaitWaitingForAWakeUp() throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            boolean waiting = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().equals("outbox-relay")
                            && thread.getState() == Thread.State.TIMED_WAITING);
            if (waiting) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the relay did not come to wait for a wake-up");
    }

    /** A relay besides the service's, with settings of its own and its own meters. */
    @SuppressWarnings("unchecked")
    private OutboxRelay relayOf(OutboxProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), (KafkaTemplate<String, byte[]>) kafka,
                properties, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private long unpublished(List<UUID> aggregateIds) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL AND aggregate_id IN (:ids)")
                .param("ids", aggregateIds).query(Long.class).single();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(expired(UUID.randomUUID()), 1))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theInboxLetsAnEventThroughOnce() {
        EventEnvelope envelope = codec.envelope(UUID.randomUUID(), expired(UUID.randomUUID()), 1, Instant.now(),
                null, null);
        var transactions = new TransactionTemplate(transactionManager);

        Boolean first = transactions.execute(status -> inbox.markProcessed(envelope));
        Boolean again = transactions.execute(status -> inbox.markProcessed(envelope));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
    }

    @Test
    void replayRepublishesOnlyThisGroupsDeadLettersAndOnlyOnce() throws Exception {
        @SuppressWarnings("unchecked")
        var template = (KafkaTemplate<String, byte[]>) kafka;
        String topic = Topics.PAYMENT_EVENTS;
        long waitingBefore = deadLetters.waiting(topic);
        String ours = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        template.send(deadLetter(topic, ours, "messaging-test")).get();
        template.send(deadLetter(topic, theirs, "some-other-service")).get();
        assertThat(deadLetters.waiting(topic)).isEqualTo(waitingBefore + 2);

        try (var consumer = consumerFrom(topic)) {
            consumer.poll(Duration.ofMillis(200));
            DeadLetterTopics.Replay replay = deadLetters.replay(topic);
            DeadLetterTopics.Replay second = deadLetters.replay(topic);

            List<String> republished = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (republished.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> republished.add(record.key()));
            }
            assertThat(replay.replayed()).isGreaterThanOrEqualTo(1);
            assertThat(replay.skipped()).isGreaterThanOrEqualTo(1);
            assertThat(second.replayed()).isZero();
            assertThat(republished).contains(ours).doesNotContain(theirs);
        }
        assertThat(deadLetters.waiting(topic)).isZero();
    }

    private static ReservationExpired expired(UUID reservationId) {
        return new ReservationExpired(reservationId, UUID.randomUUID(), UUID.randomUUID(), List.of(UUID.randomUUID()));
    }

    private static ProducerRecord<String, byte[]> deadLetter(String topic, String key, String group) {
        var record = new ProducerRecord<>(Topics.dlq(topic), key, "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A consumer of a new group that sees only what is published from now on. */
    private KafkaConsumer<String, byte[]> consumerFrom(String topic) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var consumer = new KafkaConsumer<String, byte[]>(config);
        consumer.subscribe(List.of(topic));
        Instant deadline = Instant.now().plus(DEADLINE);
        while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(partition -> consumer.position(partition));
        return consumer;
    }
}
