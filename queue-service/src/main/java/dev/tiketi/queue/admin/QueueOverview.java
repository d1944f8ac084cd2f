package dev.tiketi.queue.admin;

import dev.tiketi.queue.admission.QueuePolicies;
import dev.tiketi.queue.config.QueueKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The dashboard's waiting-room figures: per event, how many wait now and how many were admitted in each of the
 * last 60 minutes (the per-minute counters {@code admit.lua} keeps), read with one MGET per event.
 */
@Service
class QueueOverview {

    static final int MINUTES = 60;

    private final StringRedisTemplate redis;
    private final QueuePolicies policies;
    private final Clock clock = Clock.systemUTC();

    QueueOverview(StringRedisTemplate redis, QueuePolicies policies) {
        this.redis = redis;
        this.policies = policies;
    }

    /** The given events, or when none are given every event with people waiting now. */
    List<EventQueueFigures> overview(Collection<UUID> eventIds) {
        Collection<UUID> events = eventIds;
        if (events.isEmpty()) {
            Set<String> open = redis.opsForSet().members(QueueKeys.OPEN_QUEUES);
            events = open == null ? List.of() : open.stream().map(UUID::fromString).sorted().toList();
        }
        long currentMinute = clock.millis() / 60_000;
        List<EventQueueFigures> figures = new ArrayList<>(events.size());
        for (UUID eventId : events) {
            figures.add(figures(eventId, currentMinute));
        }
        return figures;
    }

    private EventQueueFigures figures(UUID eventId, long currentMinute) {
        List<String> keys = new ArrayList<>(MINUTES);
        for (long minute = currentMinute - MINUTES + 1; minute <= currentMinute; minute++) {
            keys.add(QueueKeys.admissionsInMinute(eventId, minute));
        }
        List<String> counts = redis.opsForValue().multiGet(keys);
        List<Long> perMinute = new ArrayList<>(MINUTES);
        long lastHour = 0;
        for (int i = 0; i < MINUTES; i++) {
            String count = counts == null ? null : counts.get(i);
            long admitted = count == null ? 0 : Long.parseLong(count);
            perMinute.add(admitted);
            lastHour += admitted;
        }
        var state = policies.current(eventId);
        return new EventQueueFigures(eventId, policies.waiting(eventId), policies.active(eventId), state.paused(),
                lastHour, lastHour / (MINUTES * 60.0), perMinute);
    }
}
