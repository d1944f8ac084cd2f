package dev.tiketi.event.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the read caches coordinate fills and survive Redis trouble.
 *
 * @param lockTtl        how long one instance may hold the right to fill a key; bounds the wait of the others
 *                       if the filler dies
 * @param lockWait       how long an instance that lost the race polls for the winner's value before it gives
 *                       up and loads from the database itself
 * @param pollInterval   pause between two polls while waiting for another instance's value
 * @param failureBackoff after a Redis error, how long the caches go straight to the database, so that a dead
 *                       or hanging Redis costs one timeout per period rather than one per request
 * @param versionTtl     lifetime of a namespace version counter after its last change; must be far longer
 *                       than any value's TTL, so that a counter starting again never meets an old value
 */
@ConfigurationProperties("tiketi.catalog.cache")
public record CacheSettings(
        @DefaultValue("3s") Duration lockTtl,
        @DefaultValue("1s") Duration lockWait,
        @DefaultValue("20ms") Duration pollInterval,
        @DefaultValue("5s") Duration failureBackoff,
        @DefaultValue("1d") Duration versionTtl,
        @DefaultValue("1s") Duration localTtl) {
}
