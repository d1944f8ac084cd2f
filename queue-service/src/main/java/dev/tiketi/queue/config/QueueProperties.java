package dev.tiketi.queue.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The waiting room's settings ({@code tiketi.queue.*}); defaults live in application.yml. */
@ConfigurationProperties("tiketi.queue")
public record QueueProperties(int capacity, Duration eventCacheTtl, Duration streamInterval,
                              Admission admission) {

    public record Admission(boolean schedulerEnabled, Duration tick, Duration lockLease, int maxBatch,
                            Duration tokenTtl, int defaultRate, int defaultMaxActive) {
    }
}
