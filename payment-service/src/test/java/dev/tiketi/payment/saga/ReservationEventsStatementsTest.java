package dev.tiketi.payment.saga;

import dev.tiketi.events.Topics;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import dev.tiketi.testsupport.ConsumerOffsets;
import dev.tiketi.testsupport.CountingDataSource;
import dev.tiketi.testsupport.CountingDataSource.Sent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a {@code ReservationHeld} costs payment-service's consumer in PostgreSQL round trips (issue 14): the copy's
 * INSERT and the COMMIT, nothing else (no locking read before the insert, no processed_events row for an event
 * that moves no money). Counted on the consumer's threads through a wrapped data source; the context has a
 * consumer group of its own, so no other cached context takes these records.
 */
@Import(ReservationEventsStatementsTest.Counting.class)
@TestPropertySource(properties = "spring.kafka.consumer.group-id=payment-service-statements")
class ReservationEventsStatementsTest extends PaymentIntegrationTest {

    private static final String GROUP = "payment-service-statements";
    private static final int HOLDS = 20;

    @Autowired
    CountingDataSource counter;

    @Test
    void aHoldIsOneInsertAndOneCommit() throws Exception {
        // the fresh group starts at the topic's beginning: let it take what earlier test classes published first
        ConsumerOffsets.awaitCaughtUp(GROUP, Topics.RESERVATION_EVENTS, WAIT);
        counter.reset();

        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < HOLDS; i++) {
            Buyer buyer = buyerWithoutCopy();
            buyers.add(buyer);
            publish(buyer.reservation().held(), 1);
        }
        await().atMost(WAIT).until(() -> buyers.stream().allMatch(b -> copied(b.reservation().id()).isPresent()));
        await().atMost(WAIT).until(() -> consumerSent().stream().filter(Sent::isCommit).count() >= HOLDS);

        List<Sent> sent = consumerSent();
        Map<String, Long> bySql = sent.stream().collect(Collectors.groupingBy(Sent::sql, Collectors.counting()));
        System.out.printf("payment-service consumer, %d ReservationHeld: %d round trips (%.2f per hold)%n", HOLDS,
                sent.size(), sent.size() / (double) HOLDS);
        bySql.forEach((sql, count) -> System.out.printf("  %4d x %s%n", count, sql));

        assertThat(sent).hasSize(2 * HOLDS);
        assertThat(bySql).containsEntry("COMMIT", (long) HOLDS);
        assertThat(bySql.keySet()).filteredOn(sql -> !sql.equals("COMMIT"))
                .singleElement().asString().startsWith("INSERT INTO reservation_copy");
        assertThat(buyers).allSatisfy(b -> assertThat(copied(b.reservation().id())).hasValueSatisfying(copy ->
                assertThat(copy.totalAmount()).isEqualTo(2 * PRICE)));
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
