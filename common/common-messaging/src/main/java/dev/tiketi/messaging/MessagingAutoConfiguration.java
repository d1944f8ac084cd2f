package dev.tiketi.messaging;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.Topics;
import dev.tiketi.messaging.dlq.DeadLetterEndpoint;
import dev.tiketi.messaging.dlq.DeadLetterTopics;
import dev.tiketi.messaging.inbox.Inbox;
import dev.tiketi.messaging.outbox.Outbox;
import dev.tiketi.messaging.outbox.OutboxRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Kafka for every service that produces or consumes the platform's events: the event codec, the topics,
 * the consumers' retries and dead-lettering, the inbox, dead-letter metrics and replay, and (where
 * {@code tiketi.outbox.enabled=true}) the outbox and its relay. Producer and consumer settings come from
 * {@code tiketi-messaging.yml}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBean(KafkaTemplate.class)
@EnableConfigurationProperties({KafkaTopologyProperties.class, OutboxProperties.class})
public class MessagingAutoConfiguration {

    /** Prometheus: {@code tiketi_kafka_dlq_size{topic="dlq.<topic>"}}. */
    static final String DLQ_SIZE_METRIC = "tiketi.kafka.dlq.size";

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /**
     * Creates the platform's topics at start-up when they are missing, so that no consumer depends on the
     * broker auto-creating them with its own defaults. {@code event.events} is kept forever: reservation-service's
     * copy of the catalog is built, and rebuilt, by reading it from its first offset (a topic created earlier
     * with the broker's retention gets it too: {@code spring.kafka.admin.modify-topic-configs}).
     */
    @Bean
    KafkaAdmin.NewTopics platformTopics(KafkaTopologyProperties properties) {
        NewTopic[] topics = Stream.of(Topics.RESERVATION_EVENTS, Topics.PAYMENT_EVENTS, Topics.EVENT_EVENTS)
                .flatMap(topic -> Stream.of(
                        new NewTopic(topic, properties.partitions(), properties.replicationFactor())
                                .configs(Topics.EVENT_EVENTS.equals(topic)
                                        ? Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1") : Map.of()),
                        new NewTopic(Topics.dlq(topic), properties.dlqPartitions(), properties.replicationFactor())))
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    /** Spring Boot's listener container factory picks this up. */
    @Bean
    @ConditionalOnMissingBean(DefaultErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, MeterRegistry meters,
                                          KafkaTopologyProperties properties) {
        return KafkaErrorHandling.errorHandler(kafka, meters, properties.retry());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(JdbcClient.class)
    static class InboxConfiguration {

        @Bean
        Inbox inbox(JdbcClient jdbc, ObjectProvider<Clock> clock) {
            return new Inbox(jdbc, clock.getIfAvailable(Clock::systemUTC));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
    @ConditionalOnProperty(name = "tiketi.outbox.enabled", havingValue = "true")
    static class OutboxConfiguration {

        @Bean
        @SuppressWarnings("unchecked")
        OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                                KafkaTemplate<?, ?> kafka, OutboxProperties properties,
                                ObjectProvider<Clock> clock, MeterRegistry meters) {
            return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager),
                    (KafkaOperations<String, byte[]>) kafka, properties, clock.getIfAvailable(Clock::systemUTC),
                    meters);
        }

        @Bean
        Outbox outbox(JdbcClient jdbc, EventCodec codec, ObjectProvider<Clock> clock, OutboxRelay relay) {
            return new Outbox(jdbc, codec, clock.getIfAvailable(Clock::systemUTC), relay);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "spring.kafka.consumer.group-id")
    static class DeadLetterConfiguration {

        private static final Duration SIZE_REFRESH = Duration.ofSeconds(15);

        @Bean
        @SuppressWarnings("unchecked")
        DeadLetterTopics deadLetterTopics(KafkaProperties kafkaProperties, KafkaTemplate<?, ?> kafka) {
            var consumerConfig = kafkaProperties.buildConsumerProperties();
            return new DeadLetterTopics(consumerConfig, Admin::create, (KafkaOperations<String, byte[]>) kafka,
                    kafkaProperties.getConsumer().getGroupId());
        }

        @Bean
        DeadLetterEndpoint deadLetterEndpoint(DeadLetterTopics deadLetters,
                                              ObjectProvider<KafkaListenerEndpointRegistry> registry) {
            return new DeadLetterEndpoint(deadLetters, () -> consumedTopics(registry));
        }

        /**
         * One gauge per consumed topic's dead-letter topic, registered once the listeners exist. The count asks
         * the broker, so a scrape reuses a count younger than {@link #SIZE_REFRESH}.
         */
        @Bean
        ApplicationListener<ApplicationReadyEvent> deadLetterGauges(DeadLetterTopics deadLetters,
                                                                    ObjectProvider<KafkaListenerEndpointRegistry> registry,
                                                                    MeterRegistry meters) {
            return ready -> {
                for (String topic : consumedTopics(registry)) {
                    Supplier<Number> waiting = cachedCount(() -> deadLetters.waiting(topic));
                    Gauge.builder(DLQ_SIZE_METRIC, waiting)
                            .description("Dead letters of this topic not yet replayed by this service")
                            .tag("topic", Topics.dlq(topic))
                            .register(meters);
                }
            };
        }

        private static Set<String> consumedTopics(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
            Set<String> topics = new TreeSet<>();
            registry.ifAvailable(listeners -> listeners.getListenerContainers().forEach(container -> {
                String[] names = container.getContainerProperties().getTopics();
                if (names != null) {
                    topics.addAll(Arrays.asList(names));
                }
            }));
            return topics;
        }

        private static Supplier<Number> cachedCount(Supplier<Long> count) {
            return new CachedCount(count, SIZE_REFRESH);
        }
    }
}
