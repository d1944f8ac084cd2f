package dev.tiketi.messaging.dlq;

import dev.tiketi.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dead-letter topics of the topics a service consumes: how many records wait in them, and their replay.
 * <p>
 * A replay republishes, unchanged, the records this service's consumer group dead-lettered onto their
 * original topic, and remembers how far it got in a consumer group of its own ({@code <group>.dlq-replay}),
 * so each dead letter is replayed once. Other services' consumers see the replayed record as well; they
 * processed it before, and their inbox makes the second delivery a no-op.
 */
public class DeadLetterTopics {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> consumerConfig;
    private final Function<Map<String, Object>, Admin> admins;
    private final KafkaOperations<String, byte[]> kafka;
    private final String consumerGroup;

    /**
     * @param consumerConfig the service's Kafka consumer configuration (bootstrap servers, security)
     * @param consumerGroup  the group whose dead letters this service replays
     */
    public DeadLetterTopics(Map<String, Object> consumerConfig, Function<Map<String, Object>, Admin> admins,
                            KafkaOperations<String, byte[]> kafka, String consumerGroup) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.admins = admins;
        this.kafka = kafka;
        this.consumerGroup = consumerGroup;
    }

    public String replayGroup() {
        return consumerGroup + ".dlq-replay";
    }

    /**
     * Records in {@code dlq.<topic>} that this service has not replayed yet (dead letters of every consumer
     * group count: a record's group is only known once it is read).
     */
    public long waiting(String topic) {
        String dlq = Topics.dlq(topic);
        try (Admin admin = admins.apply(consumerConfig)) {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(dlq)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(dlq).partitions().stream()
                    .map(partition -> new TopicPartition(dlq, partition.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> replayed = admin.listConsumerGroupOffsets(replayGroup())
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long waiting = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = replayed.get(partition);
                long from = Math.max(start.get(partition), done == null ? 0 : done.offset());
                waiting += Math.max(0, end.get(partition) - from);
            }
            return waiting;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + dlq, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + dlq + ": " + e, e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Set<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
                .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        found.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * Republishes this service's dead letters of {@code dlq.<topic>} that arrived since the last replay,
     * up to the end the topic had when the replay began.
     */
    public Replay replay(String topic) {
        String dlq = Topics.dlq(topic);
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        int replayed = 0;
        int skipped = 0;
        try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq, ADMIN_TIMEOUT).stream()
                    .map(info -> new TopicPartition(dlq, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, ADMIN_TIMEOUT);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, ADMIN_TIMEOUT) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    if (consumerGroup.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                        republish(record, topic);
                        replayed++;
                    } else {
                        skipped++;
                    }
                }
                consumer.commitSync(ADMIN_TIMEOUT);
            }
        }
        log.info("Replayed {} dead letters of {} onto {} ({} of other consumer groups left alone)",
                replayed, dlq, topic, skipped);
        return new Replay(topic, replayed, skipped);
    }

    private void republish(ConsumerRecord<String, byte[]> record, String topic) {
        try {
            kafka.send(new ProducerRecord<>(topic, record.key(), record.value()))
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying onto " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot replay onto " + topic + ": " + e, e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * @param replayed dead letters of this service's group put back on the original topic
     * @param skipped  dead letters of other consumer groups, left for their services to replay
     */
    public record Replay(String topic, int replayed, int skipped) {
    }
}
