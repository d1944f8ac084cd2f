package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.config.QueueKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;

/**
 * Prometheus: {@code tiketi_queue_waiting}, the people waiting in every open waiting room together, read from
 * Redis at each scrape. Every instance reports the same shared number, so dashboards take the max, not the sum.
 */
@Component
class WaitingRoomMetrics {

    WaitingRoomMetrics(StringRedisTemplate redis, MeterRegistry meters) {
        Gauge.builder("tiketi.queue.waiting", redis, WaitingRoomMetrics::waiting)
                .description("People waiting in all open waiting rooms (shared by every instance)")
                .register(meters);
    }

    static double waiting(StringRedisTemplate redis) {
        Set<String> open = redis.opsForSet().members(QueueKeys.OPEN_QUEUES);
        long waiting = 0;
        for (String eventId : open == null ? Set.<String>of() : open) {
            Long size = redis.opsForZSet().zCard(QueueKeys.queue(UUID.fromString(eventId)));
            waiting += size == null ? 0 : size;
        }
        return waiting;
    }
}
