package dev.tiketi.event;

import dev.tiketi.event.catalog.EventChanged;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

@TestConfiguration(proxyBeanMethods = false)
public class CatalogTestConfig {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    RecordedChanges recordedChanges() {
        return new RecordedChanges();
    }

    /** Every EventChanged published, in order. */
    public static class RecordedChanges {

        private final List<UUID> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(EventChanged change) {
            events.add(change.eventId());
        }

        public long count(UUID eventId) {
            return events.stream().filter(eventId::equals).count();
        }
    }
}
