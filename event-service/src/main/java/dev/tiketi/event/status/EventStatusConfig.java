package dev.tiketi.event.status;

import dev.tiketi.event.catalog.SeatsChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(EventStatusProperties.class)
class EventStatusConfig {

    @Bean
    @ConditionalOnProperty(name = "tiketi.event-status.enabled", havingValue = "true", matchIfMissing = true)
    StatusScheduler eventStatusScheduler(EventStatusJob job) {
        return new StatusScheduler(job);
    }

    @Bean
    SoldOutWatcher soldOutWatcher(EventStatusJob job) {
        return new SoldOutWatcher(job);
    }

    /** Runs the job on every instance; its row locks keep the instances out of each other's way. */
    static class StatusScheduler {

        private final EventStatusJob job;

        StatusScheduler(EventStatusJob job) {
            this.job = job;
        }

        @Scheduled(fixedDelayString = "${tiketi.event-status.interval:2s}",
                initialDelayString = "${tiketi.event-status.interval:2s}")
        void tick() {
            job.run();
        }
    }

    /**
     * Sells out (and un-sells out) an event in the same transaction that changed its seats, instead of up to
     * one scheduler interval later. Synchronous on purpose: it joins the publisher's transaction.
     */
    static class SoldOutWatcher {

        private final EventStatusJob job;

        SoldOutWatcher(EventStatusJob job) {
            this.job = job;
        }

        @EventListener
        void onSeatsChanged(SeatsChanged change) {
            job.refresh(change.eventId());
        }
    }
}
