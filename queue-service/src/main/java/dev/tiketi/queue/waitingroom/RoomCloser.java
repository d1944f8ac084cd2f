package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.config.LuaScripts;
import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.event.EventCatalog;
import dev.tiketi.queue.event.EventSummary;
import dev.tiketi.web.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Closes the waiting room of a cancelled event. queue-service stays Redis-only: rather than a Kafka consumer
 * of {@code event.events}, every few seconds it looks up the status of each event that has people waiting —
 * through {@link EventCatalog}'s short cache, which entering reads anyway, so at most one call to
 * event-service per open event and cache period, and none on a buyer's request. A cancelled event's room is
 * emptied and marked closed ({@code close.lua}) and every instance tells its streams ({@code closed}). Entering
 * is refused as soon as the catalog says the event is not on sale; someone who slipped in during the cache
 * period is let go by the next check.
 */
@Component
class RoomCloser {

    static final String CANCELLED = "CANCELLED";
    static final String EVENT_CANCELLED = "EVENT_CANCELLED";
    /** Long enough that a buyer coming back to the page is told why the room is gone. */
    private static final Duration CLOSED_MARKER_TTL = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(RoomCloser.class);
    private static final RedisScript<Long> CLOSE = LuaScripts.load("close.lua", Long.class);

    private final StringRedisTemplate redis;
    private final EventCatalog events;

    RoomCloser(StringRedisTemplate redis, EventCatalog events) {
        this.redis = redis;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${tiketi.queue.closing.check-interval}")
    void closeCancelledRooms() {
        Set<String> open = redis.opsForSet().members(QueueKeys.OPEN_QUEUES);
        for (String id : open == null ? Set.<String>of() : open) {
            UUID eventId = UUID.fromString(id);
            Optional<EventSummary> event;
            try {
                event = events.find(eventId);
            } catch (ApiException unavailable) {
                // event-service unreachable: the room stays as it is until the next check
                continue;
            }
            if (event.isPresent() && CANCELLED.equals(event.get().status())) {
                close(eventId, EVENT_CANCELLED);
            }
        }
    }

    /** @return how many were waiting */
    long close(UUID eventId, String reason) {
        Long waiting = redis.execute(CLOSE, List.of(QueueKeys.queue(eventId), QueueKeys.OPEN_QUEUES,
                        QueueKeys.closed(eventId), QueueKeys.tickets(eventId), QueueKeys.lastTicket(eventId),
                        QueueKeys.servedThrough(eventId)),
                eventId.toString(), QueueKeys.PREFIX, QueueKeys.CLOSED_CHANNEL,
                Long.toString(CLOSED_MARKER_TTL.toMillis()), reason);
        log.info("Waiting room of event {} closed ({}): {} waiting let go", eventId, reason, waiting);
        return waiting == null ? 0 : waiting;
    }
}
