package dev.tiketi.payment.saga;

import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.ReservationPaymentRejected;
import dev.tiketi.events.Topics;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import dev.tiketi.testsupport.ConsumerOffsets;
import dev.tiketi.testsupport.CountingDataSource;
import dev.tiketi.testsupport.CountingDataSource.Sent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code ReservationHeld}s cost payment-service's consumer in PostgreSQL round trips (issue 14): the copy's
 * INSERT for each, and one COMMIT for the records of a poll, nothing else (no locking read before the insert, no
 * processed_events row for an event that moves no money). Counted on the consumer's threads through a wrapped data
 * source; the context has a consumer group of its own, so no other cached context takes these records. The listener
 * is paused while the holds are published, so that one poll brings them all.
 */
@Import(ReservationEventsStatementsTest.Counting.class)
@TestPropertySource(properties = "spring.kafka.consumer.group-id=payment-service-statements")
class ReservationEventsStatementsTest extends PaymentIntegrationTest {

    private static final String GROUP = "payment-service-statements";
    private static final int HOLDS = 20;

    @Autowired
    CountingDataSource counter;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void holdsConsumedTogetherAreAnInsertEachAndACommitPerPoll() throws Exception {
        MessageListenerContainer container = pausedListener();
        counter.reset();

        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < HOLDS; i++) {
            Buyer buyer = buyerWithoutCopy();
            buyers.add(buyer);
            publish(buyer.reservation().held(), 1);
        }
        container.resume();
        await().atMost(WAIT).until(() -> buyers.stream().allMatch(b -> copied(b.reservation().id()).isPresent()));
        await().atMost(WAIT).until(() -> consumerSent().stream().anyMatch(Sent::isCommit));

        List<Sent> sent = consumerSent();
        Map<String, Long> bySql = sent.stream().collect(Collectors.groupingBy(Sent::sql, Collectors.counting()));
        System.out.printf("payment-service consumer, %d ReservationHeld: %d round trips (%.2f per hold)%n", HOLDS,
                sent.size(), sent.size() / (double) HOLDS);
        bySql.forEach((sql, count) -> System.out.printf("  %4d x %s%n", count, sql));

        // one poll after the resume, or two when the consumer had fetched the first records before the pause took
        assertThat(bySql.get("COMMIT")).as("commits").isBetween(1L, 2L);
        assertThat(bySql.keySet()).filteredOn(sql -> !sql.equals("COMMIT"))
                .singleElement().asString().startsWith("INSERT INTO reservation_copy");
        assertThat(bySql.entrySet()).filteredOn(entry -> !entry.getKey().equals("COMMIT")).singleElement()
                .extracting(java.util.Map.Entry::getValue).isEqualTo((long) HOLDS);
        assertThat(buyers).allSatisfy(b -> assertThat(copied(b.reservation().id())).hasValueSatisfying(copy ->
                assertThat(copy.totalAmount()).isEqualTo(2 * PRICE)));
    }

    /**
     * A poll whose batch fails is applied again a record at a time: the records before and after the bad one are
     * kept, the bad one alone is dead-lettered.
     */
    @Test
    void aBadRecordInAPollIsDeadLetteredAndTheOthersAreKept() throws Exception {
        MessageListenerContainer container = pausedListener();

        Buyer before = buyerWithoutCopy();
        publish(before.reservation().held(), 1);
        // a refund of a payment that does not exist: inconsistent, so dead-lettered without retries
        Buyer refused = buyer();
        EventEnvelope bad = publish(new ReservationPaymentRejected(refused.reservation().id(),
                refused.reservation().eventId(), refused.userId(), UUID.randomUUID(), 330_000, "RESERVATION_EXPIRED"));
        Buyer after = buyerWithoutCopy();
        publish(after.reservation().held(), 1);
        container.resume();

        await().atMost(WAIT).until(() -> copied(before.reservation().id()).isPresent()
                && copied(after.reservation().id()).isPresent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(records(Topics.dlq(Topics.RESERVATION_EVENTS)))
                .extracting(ConsumerRecord::value)
                .filteredOn(value -> codec.decode(value).eventId().equals(bad.eventId()))
                .hasSize(1));
        assertThat(processed(bad.eventId())).as("rolled back with its failure").isFalse();
    }

    /**
     * The listener, caught up and paused: what is published now comes in the polls after its resume. The fresh group
     * starts at the topic's beginning, so it first takes what earlier test classes published.
     */
    private MessageListenerContainer pausedListener() throws Exception {
        ConsumerOffsets.awaitCaughtUp(GROUP, Topics.RESERVATION_EVENTS, WAIT);
        MessageListenerContainer container = listeners.getListenerContainer(ReservationEventsListener.ID);
        container.pause();
        await().atMost(WAIT).until(container::isContainerPaused);
        return container;
    }

    /** The listener containers run on virtual threads named {@code kafka-<n>}; reservation.events is the only topic. */
    private List<Sent> consumerSent() {
        return counter.sent(thread -> thread.startsWith("kafka-"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        CountingDataSource countingDataSource() {
            return new CountingDataSource();
        }

        /** The service's data source, wrapped: every statement the service runs is noted with its thread. */
        @Bean
        static BeanPostProcessor countStatements(ObjectProvider<CountingDataSource> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
                    return bean instanceof DataSource dataSource && name.equals("dataSource")
                            ? counter.getObject().wrap(dataSource) : bean;
                }
            };
        }
    }
}
