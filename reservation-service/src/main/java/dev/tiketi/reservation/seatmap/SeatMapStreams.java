package dev.tiketi.reservation.seatmap;

import dev.tiketi.reservation.hold.HoldKeys;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live seat maps open on this instance. Changes reach every instance over the event's Redis channel
 * ({@link HoldKeys#changes}), to which an instance subscribes while it has a stream for that event. A new
 * stream gets a snapshot first; changes that arrive while the snapshot is being read are held back and sent
 * right after it, so none is lost between the two. Every stream gets a fresh snapshot every resync interval,
 * which makes up for a message lost while Redis was unreachable and for holds that ran out by themselves.
 */
@Component
class SeatMapStreams {

    private static final Logger log = LoggerFactory.getLogger(SeatMapStreams.class);
    /** Clients reconnect after this; it bounds how long a forgotten browser tab holds a connection. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final SeatMap seatMap;
    private final RedisMessageListenerContainer channels;
    private final Map<UUID, EventStreams> byEvent = new ConcurrentHashMap<>();

    SeatMapStreams(SeatMap seatMap, RedisMessageListenerContainer channels) {
        this.seatMap = seatMap;
        this.channels = channels;
    }

    /** A stream of the event's seat changes; 404 {@code event-not-found} for an unknown event. */
    SseEmitter open(UUID eventId) {
        var stream = new Stream(new SseEmitter(STREAM_LIFETIME.toMillis()));
        attach(eventId, stream);
        stream.emitter.onCompletion(() -> detach(eventId, stream));
        stream.emitter.onTimeout(() -> detach(eventId, stream));
        stream.emitter.onError(error -> detach(eventId, stream));
        try {
            stream.start(seatMap.status(eventId));
        } catch (RuntimeException e) {
            detach(eventId, stream);
            throw e;
        }
        return stream.emitter;
    }

    @Scheduled(fixedDelayString = "${tiketi.reservation.seat-map.resync-interval}")
    void resync() {
        byEvent.forEach((eventId, streams) -> {
            try {
                SeatMapStatus status = seatMap.status(eventId);
                streams.members.forEach(stream -> stream.snapshot(status));
            } catch (RuntimeException e) {
                log.warn("Seat map snapshot of event {} failed: {}", eventId, e.getMessage());
            }
        });
    }

    /** The first stream of an event subscribes this instance to the event's channel. */
    private synchronized void attach(UUID eventId, Stream stream) {
        byEvent.computeIfAbsent(eventId, id -> {
            MessageListener listener = (message, pattern) -> deliver(id, new String(message.getBody(), StandardCharsets.UTF_8));
            channels.addMessageListener(listener, new ChannelTopic(HoldKeys.changes(id)));
            return new EventStreams(listener, ConcurrentHashMap.newKeySet());
        }).members.add(stream);
    }

    /** The last stream of an event to end unsubscribes from its channel. */
    private synchronized void detach(UUID eventId, Stream stream) {
        EventStreams streams = byEvent.get(eventId);
        if (streams != null && streams.members.remove(stream) && streams.members.isEmpty()) {
            byEvent.remove(eventId);
            channels.removeMessageListener(streams.listener, new ChannelTopic(HoldKeys.changes(eventId)));
        }
    }

    private void deliver(UUID eventId, String change) {
        EventStreams streams = byEvent.get(eventId);
        if (streams != null) {
            streams.members.forEach(stream -> stream.change(change));
        }
    }

    @PreDestroy
    void closeAll() {
        byEvent.values().forEach(streams -> streams.members.forEach(stream -> stream.emitter.complete()));
    }

    private record EventStreams(MessageListener listener, Set<Stream> members) {
    }

    /** One client's stream; changes wait in {@code early} until its first snapshot has been sent. */
    private static final class Stream {
        private final SseEmitter emitter;
        private List<String> early = new ArrayList<>();

        Stream(SseEmitter emitter) {
            this.emitter = emitter;
        }

        synchronized void start(SeatMapStatus status) {
            send(SseEmitter.event().name("snapshot").data(status, MediaType.APPLICATION_JSON));
            early.forEach(change -> send(SseEmitter.event().name("seats").data(change)));
            early = null;
        }

        synchronized void change(String change) {
            if (early != null) {
                early.add(change);
            } else {
                send(SseEmitter.event().name("seats").data(change));
            }
        }

        synchronized void snapshot(SeatMapStatus status) {
            if (early == null) {
                send(SseEmitter.event().name("snapshot").data(status, MediaType.APPLICATION_JSON));
            }
        }

        private void send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                // the client went away; completing the emitter detaches the stream
                log.debug("seat map stream closed: {}", e.getMessage());
                emitter.completeWithError(e);
            }
        }
    }
}
