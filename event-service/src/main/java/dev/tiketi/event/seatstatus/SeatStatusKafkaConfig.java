package dev.tiketi.event.seatstatus;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.MalformedEventException;
import dev.tiketi.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import java.util.stream.Stream;

/**
 * Topics, retries and dead-lettering for the reservation-event consumer. Spring Boot's listener container
 * factory picks up the error handler declared here; consumer settings live in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopologyProperties.class)
class SeatStatusKafkaConfig {

    /** Prometheus: {@code tiketi_kafka_dlq_published_total{topic="<original topic>"}}. */
    static final String DLQ_PUBLISHED_METRIC = "tiketi.kafka.dlq.published";

    private static final Logger log = LoggerFactory.getLogger(SeatStatusKafkaConfig.class);

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /**
     * Creates the platform's topics at start-up when they are missing, so that no consumer depends on the
     * broker auto-creating them with its own defaults.
     */
    @Bean
    KafkaAdmin.NewTopics platformTopics(KafkaTopologyProperties properties) {
        NewTopic[] topics = Stream.of(Topics.RESERVATION_EVENTS, Topics.PAYMENT_EVENTS)
                .flatMap(topic -> Stream.of(
                        TopicBuilder.name(topic)
                                .partitions(properties.partitions())
                                .replicas(properties.replicationFactor())
                                .build(),
                        TopicBuilder.name(Topics.dlq(topic))
                                .partitions(properties.dlqPartitions())
                                .replicas(properties.replicationFactor())
                                .build()))
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    /**
     * Retries a failed record with exponential back-off, then publishes it unchanged (with the failure in
     * its headers) to {@code dlq.<topic>} and moves on, so one bad record never blocks its partition.
     * Records that can never succeed — not an event, or naming seats this service does not have — skip
     * the retries.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, MeterRegistry meters,
                                          KafkaTopologyProperties properties) {
        // partition -1: the dead-letter topic has its own partition count; let the producer choose
        var deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.dlq(record.topic()), -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            deadLetters.accept(record, exception);
            Counter.builder(DLQ_PUBLISHED_METRIC)
                    .description("Records published to a dead-letter topic because they could not be processed")
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
            log.warn("Dead-lettered record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), listenerFailure(exception));
        };

        KafkaTopologyProperties.Retry retry = properties.retry();
        var backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());

        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, InconsistentEventException.class);
        // the container itself only says "Record in retry and not yet recovered", without the cause
        handler.setRetryListeners((record, exception, deliveryAttempt) -> log.warn(
                "Delivery {} (of at most {}) of record {}-{}@{} failed: {}", deliveryAttempt, retry.attempts(),
                record.topic(), record.partition(), record.offset(), listenerFailure(exception)));
        return handler;
    }

    /** The listener's own exception, not the container's wrapper around it. */
    private static String listenerFailure(Exception exception) {
        Throwable failure = exception.getCause() == null ? exception : exception.getCause();
        return failure.toString();
    }
}
