package dev.tiketi.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Waits on a consumer group's committed offsets in the test infrastructure's Kafka. A consumer commits only after a
 * record's transaction has committed, so a committed offset past a record means the record's effects are in the
 * database: the way to wait for records that leave no row of their own to look for.
 */
public final class ConsumerOffsets {

    private ConsumerOffsets() {
    }

    /** Until {@code group} has committed past {@code record}. */
    public static void awaitPast(String group, RecordMetadata record, Duration wait) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = admin()) {
            await().atMost(wait).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    /** Until {@code group} has committed everything {@code topic} holds now, in every partition. */
    public static void awaitCaughtUp(String group, String topic, Duration wait)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            await().atMost(wait).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return partitions.stream().allMatch(partition -> ends.get(partition) == 0
                        || (committed.get(partition) != null && committed.get(partition).offset() >= ends.get(partition)));
            });
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.endpoints().kafkaBootstrapServers()));
    }
}
