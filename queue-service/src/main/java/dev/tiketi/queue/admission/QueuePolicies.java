package dev.tiketi.queue.admission;

import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.config.QueueProperties;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-event policy and pause flag, kept in the {@code queue:policy:{eventId}} hash so every instance and
 * the admission script see the same. Wait estimates read a copy at most a second old: a status poll should
 * not pay a second Redis round trip for a value that changes only when an admin changes it.
 */
@Component
public class QueuePolicies {

    private static final Duration ESTIMATE_STALENESS = Duration.ofSeconds(1);
    private static final Duration OBSERVED_RATE_STALENESS = Duration.ofSeconds(10);

    private final StringRedisTemplate redis;
    private final QueueProperties.Admission defaults;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, Cached> forEstimates = new ConcurrentHashMap<>();

    QueuePolicies(StringRedisTemplate redis, QueueProperties properties) {
        this.redis = redis;
        this.defaults = properties.admission();
    }

    public PolicyState current(UUID eventId) {
        List<Object> fields = redis.opsForHash().multiGet(QueueKeys.policy(eventId),
                List.of("type", "rate", "maxActive", "paused"));
        List<Object> stats = redis.opsForHash().multiGet(QueueKeys.stats(eventId), List.of("rate", "admitted", "lastTick"));
        // ticks stop once the queue is empty; the last window's rate then no longer describes anything
        boolean ticking = stats.get(2) != null
                && clock.millis() - Long.parseLong((String) stats.get(2)) < OBSERVED_RATE_STALENESS.toMillis();
        var policy = new AdmissionPolicy(
                fields.get(0) == null ? PolicyType.FIXED_RATE : PolicyType.valueOf((String) fields.get(0)),
                fields.get(1) == null ? defaults.defaultRate() : Integer.parseInt((String) fields.get(1)),
                fields.get(2) == null ? defaults.defaultMaxActive() : Integer.parseInt((String) fields.get(2)));
        return new PolicyState(policy, "1".equals(fields.get(3)),
                stats.get(0) == null || !ticking ? 0 : Double.parseDouble((String) stats.get(0)),
                stats.get(1) == null ? 0 : Long.parseLong((String) stats.get(1)));
    }

    /** Users per second a waiting user can count on, from a copy of the policy at most a second old. */
    public double expectedRate(UUID eventId) {
        Instant now = clock.instant();
        Cached cached = forEstimates.get(eventId);
        if (cached == null || cached.readAt().plus(ESTIMATE_STALENESS).isBefore(now)) {
            cached = new Cached(current(eventId), now);
            forEstimates.put(eventId, cached);
        }
        return cached.state().policy().expectedRate(cached.state().observedRate(),
                defaults.tokenTtl().toSeconds());
    }

    public void change(UUID eventId, AdmissionPolicy policy) {
        redis.opsForHash().putAll(QueueKeys.policy(eventId), Map.of(
                "type", policy.type().name(),
                "rate", Integer.toString(policy.ratePerSecond()),
                "maxActive", Integer.toString(policy.maxActive())));
        forEstimates.remove(eventId);
    }

    /** Admitted users whose admission has not expired: the slots a CAPACITY policy counts. */
    public long active(UUID eventId) {
        Long count = redis.opsForZSet().count(QueueKeys.active(eventId), clock.millis() + 1, Double.POSITIVE_INFINITY);
        return count == null ? 0 : count;
    }

    public long waiting(UUID eventId) {
        Long count = redis.opsForZSet().zCard(QueueKeys.queue(eventId));
        return count == null ? 0 : count;
    }

    public void pause(UUID eventId, boolean paused) {
        redis.opsForHash().put(QueueKeys.policy(eventId), "paused", paused ? "1" : "0");
    }

    /** Policy, pause flag, the observed admission rate and how many were admitted in total. */
    public record PolicyState(AdmissionPolicy policy, boolean paused, double observedRate, long admittedTotal) {
    }

    private record Cached(PolicyState state, Instant readAt) {
    }
}
