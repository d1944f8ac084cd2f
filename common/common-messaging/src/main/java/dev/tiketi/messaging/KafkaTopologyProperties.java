package dev.tiketi.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Topic layout and consumer retries ({@code tiketi.kafka.*}).
 *
 * @param partitions        partitions of the event topics: the most consumers of one group that can work
 *                          in parallel; records of one aggregate always share a partition
 * @param dlqPartitions     partitions of the {@code dlq.*} topics; order there does not matter
 * @param replicationFactor 1 on the single local broker; 3 on a production cluster
 */
@ConfigurationProperties("tiketi.kafka")
public record KafkaTopologyProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") int dlqPartitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Retry retry) {

    public KafkaTopologyProperties {
        if (partitions < 1 || dlqPartitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("tiketi.kafka partitions and replication factor must be at least 1");
        }
    }

    /**
     * How a record that failed for a possibly passing reason (database unreachable, deadlock) is retried
     * before it is dead-lettered: exponential back-off from {@code initialInterval}, capped at {@code maxInterval}.
     *
     * @param attempts deliveries in all, the first included
     */
    public record Retry(
            @DefaultValue("4") int attempts,
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("2s") Duration maxInterval) {

        public Retry {
            if (attempts < 1) {
                throw new IllegalArgumentException("tiketi.kafka.retry.attempts must be at least 1");
            }
        }
    }
}
