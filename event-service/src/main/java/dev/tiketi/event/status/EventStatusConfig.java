package dev.tiketi.event.status;

import dev.tiketi.event.catalog.SeatsChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(EventStatusProperties.class)
class EventStatusConfig {

    @Bean
    @ConditionalOnProperty(name = "tiketi.event-status.enabled", havingValue = "true", matchIfMissing = true)
    StatusScheduler eventStatusScheduler(EventStatusJob job, EventStatusProperties properties) {
        return new StatusScheduler(job, properties.interval());
    }

    @Bean
    SoldOutWatcher soldOutWatcher(EventStatusJob job) {
        return new SoldOutWatcher(job);
    }

    /**
     * Runs the job on every instance; its row locks keep the instances out of each other's way. A failed pass
     * is logged and the next one runs as planned.
     */
    static class StatusScheduler implements SchedulingConfigurer {

        private final EventStatusJob job;
        private final Duration interval;

        StatusScheduler(EventStatusJob job, Duration interval) {
            this.job = job;
            this.interval = interval;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(new FixedDelayTask(job::run, interval, interval));
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
