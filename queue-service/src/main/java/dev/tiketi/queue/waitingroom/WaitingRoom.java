package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.admission.QueuePolicies;
import dev.tiketi.queue.config.LuaScripts;
import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.config.QueueProperties;
import dev.tiketi.queue.event.EventCatalog;
import dev.tiketi.queue.event.EventSummary;
import dev.tiketi.queue.token.AdmissionTokens;
import dev.tiketi.serviceauth.BuyerTokens;
import dev.tiketi.web.problem.ApiException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Entering, watching and leaving an event's waiting room; each a single Lua script on Redis. */
@Service
public class WaitingRoom {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ENTER = LuaScripts.load("enter.lua", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> STATUS = LuaScripts.load("status.lua", List.class);
    private static final RedisScript<Long> LEAVE = LuaScripts.load("leave.lua", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> PROGRESS = LuaScripts.load("progress.lua", List.class);

    private final StringRedisTemplate redis;
    private final EventCatalog events;
    private final QueuePolicies policies;
    private final QueueProperties properties;
    private final AdmissionTokens tokens;
    private final Clock clock = Clock.systemUTC();

    WaitingRoom(StringRedisTemplate redis, EventCatalog events, QueuePolicies policies, QueueProperties properties,
                AdmissionTokens tokens) {
        this.redis = redis;
        this.events = events;
        this.policies = policies;
        this.properties = properties;
        this.tokens = tokens;
    }

    public QueueStatus enter(UUID eventId, UUID userId) {
        EventSummary event = events.find(eventId)
                .orElseThrow(() -> ApiException.notFound("event-not-found", "There is no such event."));
        if (!event.onSale()) {
            throw ApiException.conflict("queue-closed", "The waiting room for this event is not open.");
        }
        List<?> result = redis.execute(ENTER,
                List.of(QueueKeys.queue(eventId), QueueKeys.userQueue(userId), QueueKeys.admitted(eventId, userId),
                        QueueKeys.OPEN_QUEUES, QueueKeys.lastScore(eventId), QueueKeys.lastTicket(eventId),
                        QueueKeys.tickets(eventId)),
                userId.toString(), eventId.toString(), Integer.toString(properties.capacity()), QueueKeys.PREFIX);
        return switch ((String) result.getFirst()) {
            case "OTHER_QUEUE" -> throw ApiException.conflict("already-in-another-queue",
                    "You are already waiting for another event; leave that queue first.");
            case "FULL" -> throw ApiException.conflict("queue-full",
                    "The waiting room for this event is full; try again later.");
            default -> toStatus(eventId, userId, result).orElseThrow();
        };
    }

    public Optional<QueueStatus> find(UUID eventId, UUID userId) {
        List<?> result = redis.execute(STATUS,
                List.of(QueueKeys.queue(eventId), QueueKeys.admitted(eventId, userId), QueueKeys.tickets(eventId)),
                userId.toString());
        return toStatus(eventId, userId, result);
    }

    public QueueStatus status(UUID eventId, UUID userId) {
        return find(eventId, userId).orElseThrow(() -> closedReason(eventId)
                .map(reason -> ApiException.conflict("queue-closed",
                        "The waiting room for this event is closed: " + reason + "."))
                .orElseGet(() -> ApiException.notFound("not-in-queue",
                        "You are neither waiting nor admitted for this event.")));
    }

    /**
     * How far the event's line has moved, the same for everyone: what waiting clients poll (through the gateway's
     * shared cache) between the occasional look at their own place. One script on Redis, no call to another
     * service; 404 {@code queue-not-found} for an event whose room was never opened (or closed long ago).
     */
    public QueueProgress progress(UUID eventId) {
        List<?> result = redis.execute(PROGRESS, List.of(QueueKeys.queue(eventId), QueueKeys.servedThrough(eventId),
                QueueKeys.lastTicket(eventId), QueueKeys.closed(eventId)));
        // Lua's false (no closed marker) arrives as a nil element, or not at all
        String closed = result.size() > 3 ? (String) result.get(3) : null;
        if ((Long) result.get(2) == 0 && closed == null) {
            throw ApiException.notFound("queue-not-found", "This event has no waiting room.");
        }
        return new QueueProgress(eventId, (Long) result.get(0), (Long) result.get(1),
                closed == null ? policies.expectedRate(eventId) : 0, closed);
    }

    /** Why the event's room was closed for good ({@code EVENT_CANCELLED}), if it was. */
    public Optional<String> closedReason(UUID eventId) {
        return Optional.ofNullable(redis.opsForValue().get(QueueKeys.closed(eventId)));
    }

    /**
     * Leaves the queue or ends an admission (its capacity slot returns); nothing happens if neither. An ended
     * admission's token is refused by reservation-service's next hold at once: its tombstone is in place when this
     * returns.
     */
    public void leave(UUID eventId, UUID userId) {
        redis.execute(LEAVE, List.of(QueueKeys.queue(eventId), QueueKeys.userQueue(userId),
                        QueueKeys.admitted(eventId, userId), QueueKeys.active(eventId), QueueKeys.tickets(eventId)),
                userId.toString(), eventId.toString(), BuyerTokens.admissionRevokedPrefix(eventId));
    }

    private Optional<QueueStatus> toStatus(UUID eventId, UUID userId, List<?> result) {
        return switch ((String) result.getFirst()) {
            case "ADMITTED" -> {
                AdmissionTokens.Admission admission = tokens.fromMarker((String) result.get(1), eventId, userId,
                        Instant.now(clock).plusMillis((Long) result.get(2)));
                yield Optional.of(QueueStatus.admitted(eventId, admission.token(), admission.expiresAt(),
                        (Long) result.get(3)));
            }
            case "WAITING" -> Optional.of(QueueStatus.waiting(eventId, (Long) result.get(1), (Long) result.get(2),
                    policies.expectedRate(eventId), (Long) result.get(3)));
            default -> Optional.empty();
        };
    }
}
