package dev.tiketi.event.seatstatus;

import dev.tiketi.testsupport.ServiceIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on real Kafka and PostgreSQL, with a consumer group of its own: other cached test
 * contexts of the JVM run the same listener in group {@code event-service}, and sharing their group would
 * leave this context only some partitions and make its offsets impossible to reset. (Every context applies
 * records to the same database; the processed-events inbox keeps that to once per event.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.kafka.consumer.group-id=" + SeatStatusIntegrationTest.GROUP)
@Import(CatalogChangeRecorder.class)
@interface SeatStatusIntegrationTest {

    String GROUP = "event-service-seat-status-test";
}
