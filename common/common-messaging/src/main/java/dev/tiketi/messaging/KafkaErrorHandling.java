package dev.tiketi.messaging;

import dev.tiketi.events.MalformedEventException;
import dev.tiketi.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The consumers' error handler: a failed record is retried with exponential back-off, then published unchanged
 * (with the failure in its headers) to {@code dlq.<topic>}, and the partition moves on, so one bad record
 * never blocks it. Records that can never succeed skip the retries.
 */
final class KafkaErrorHandling {

    /** Prometheus: {@code tiketi_kafka_dlq_published_total{topic="<original topic>"}}. */
    static final String DLQ_PUBLISHED_METRIC = "tiketi.kafka.dlq.published";

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    private KafkaErrorHandling() {
    }

    static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, MeterRegistry meters,
                                            KafkaTopologyProperties.Retry retry) {
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

        var backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());

        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, UnprocessableEventException.class);
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
