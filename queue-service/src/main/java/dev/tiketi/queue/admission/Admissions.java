package dev.tiketi.queue.admission;

import dev.tiketi.queue.config.LuaScripts;
import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.config.QueueProperties;
import dev.tiketi.queue.token.AdmissionTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Lets the head of each open waiting room in, as its policy allows. Safe to call from several instances at
 * once (every pop-and-issue is one script), but {@link AdmissionScheduler} makes one instance do it at a
 * time so the policy's rate is not multiplied by the number of replicas' Redis calls.
 */
@Service
public class Admissions {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ADMIT = LuaScripts.load("admit.lua", List.class);

    private final StringRedisTemplate redis;
    private final QueuePolicies policies;
    private final QueueProperties.Admission settings;
    private final ObjectProvider<AdmissionListener> listeners;
    private final AdmissionTokens tokens;
    private final Counter admittedCount;
    private final Timer waited;

    Admissions(StringRedisTemplate redis, QueuePolicies policies, QueueProperties properties,
               ObjectProvider<AdmissionListener> listeners, AdmissionTokens tokens, MeterRegistry meters) {
        this.redis = redis;
        this.policies = policies;
        this.settings = properties.admission();
        this.listeners = listeners;
        this.tokens = tokens;
        // Prometheus: tiketi_queue_admitted_total and tiketi_queue_wait_seconds (histogram)
        this.admittedCount = Counter.builder("tiketi.queue.admitted")
                .description("Users let in from a waiting room")
                .register(meters);
        this.waited = Timer.builder("tiketi.queue.wait")
                .description("How long an admitted user waited, from entering the queue to admission")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(meters);
    }

    /** One tick over every event with people waiting; returns who got in, in queue order per event. */
    public List<Admitted> tick() {
        Set<String> open = redis.opsForSet().members(QueueKeys.OPEN_QUEUES);
        List<Admitted> all = new ArrayList<>();
        for (String eventId : open == null ? Set.<String>of() : open) {
            all.addAll(admit(UUID.fromString(eventId)));
        }
        if (!all.isEmpty()) {
            listeners.forEach(listener -> listener.admitted(all));
        }
        return all;
    }

    List<Admitted> admit(UUID eventId) {
        var state = policies.current(eventId);
        // the script admits at most as many as it is given token ids; a fixed rate never needs more than
        // one second's worth, since that is where its credit is capped
        int offered = state.paused() ? 0 : state.policy().type() == PolicyType.FIXED_RATE
                ? Math.min(settings.maxBatch(), state.policy().ratePerSecond())
                : settings.maxBatch();
        List<String> args = new ArrayList<>(6 + offered);
        args.add(eventId.toString());
        args.add(Long.toString(settings.tokenTtl().toMillis()));
        args.add(PolicyType.FIXED_RATE.name());
        args.add(Integer.toString(settings.defaultRate()));
        args.add(Integer.toString(settings.defaultMaxActive()));
        args.add(QueueKeys.PREFIX);
        for (int i = 0; i < offered; i++) {
            args.add(tokens.newId());
        }
        Instant expiresAt = Instant.now().plus(settings.tokenTtl());
        List<?> result = redis.execute(ADMIT, List.of(QueueKeys.queue(eventId), QueueKeys.active(eventId),
                QueueKeys.policy(eventId), QueueKeys.stats(eventId), QueueKeys.OPEN_QUEUES, QueueKeys.tickets(eventId),
                QueueKeys.servedThrough(eventId)), args.toArray());
        List<Admitted> admitted = new ArrayList<>(result.size() / 3);
        for (int i = 0; i < result.size(); i += 3) {
            UUID userId = UUID.fromString((String) result.get(i));
            AdmissionTokens.Admission admission = tokens.fromMarker((String) result.get(i + 1), eventId, userId,
                    expiresAt);
            admitted.add(new Admitted(eventId, userId, admission.token(), admission.expiresAt()));
            waited.record(Duration.ofMillis((Long) result.get(i + 2)));
        }
        admittedCount.increment(admitted.size());
        return admitted;
    }
}
