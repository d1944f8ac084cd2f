package dev.tiketi.event.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled   whether this instance runs the status scheduler (safe on every instance at once)
 * @param interval  pause between two passes; a sale opens at most this late
 * @param batchSize events changed per transaction
 */
@ConfigurationProperties("tiketi.event-status")
public record EventStatusProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration interval,
        @DefaultValue("200") int batchSize) {
}
