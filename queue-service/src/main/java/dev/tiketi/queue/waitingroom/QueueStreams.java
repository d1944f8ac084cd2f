package dev.tiketi.queue.waitingroom;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live streams open on this instance. One scheduled broadcaster pushes every stream its position
 * ({@code position} events) instead of a loop per stream; admissions, announced over Redis pub/sub by
 * whichever instance ran the tick, are pushed at once ({@code admitted}), and the stream then completes.
 */
@Component
public class QueueStreams {

    private static final Logger log = LoggerFactory.getLogger(QueueStreams.class);
    /** Clients reconnect after this; it bounds how long a forgotten browser tab holds a connection. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final WaitingRoom waitingRoom;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    QueueStreams(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    /** A stream for a user who is waiting or admitted; 404 {@code not-in-queue} otherwise. */
    public SseEmitter open(UUID eventId, UUID userId) {
        QueueStatus status = waitingRoom.status(eventId, userId);
        var subscription = new Subscription(eventId, userId, new SseEmitter(STREAM_LIFETIME.toMillis()));
        subscription.emitter().onCompletion(() -> subscriptions.remove(subscription));
        subscription.emitter().onTimeout(() -> subscriptions.remove(subscription));
        subscription.emitter().onError(error -> subscriptions.remove(subscription));
        subscriptions.add(subscription);
        push(subscription, Optional.of(status));
        return subscription.emitter();
    }

    /**
     * One virtual thread per stream: the status reads then share the Redis connection as one pipeline
     * instead of thousands of sequential round trips each second.
     */
    @Scheduled(fixedDelayString = "${tiketi.queue.stream-interval}")
    void broadcast() {
        try (ExecutorService perStream = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Subscription subscription : subscriptions) {
                perStream.execute(() -> refresh(subscription));
            }
        }
    }

    private void refresh(Subscription subscription) {
        try {
            push(subscription, waitingRoom.find(subscription.eventId(), subscription.userId()));
        } catch (DataAccessException e) {
            // Redis hiccup: the stream stays open and is tried again at the next broadcast
            log.warn("queue stream update failed: {}", e.getMessage());
        }
    }

    /** @param announcement lines of {@code eventId userId}, as published by the admission tick */
    void admitted(String announcement) {
        Set<String> admitted = Set.copyOf(Arrays.asList(announcement.split("\n")));
        for (Subscription subscription : subscriptions) {
            if (admitted.contains(subscription.eventId() + " " + subscription.userId())) {
                refresh(subscription);
            }
        }
    }

    /** @param eventId the event whose room was just closed for good, as published by {@code close.lua} */
    void closed(String eventId) {
        for (Subscription subscription : subscriptions) {
            if (subscription.eventId().toString().equals(eventId)) {
                refresh(subscription);
            }
        }
    }

    /**
     * Sends the status; an admission or a status that is gone (left, expired, room closed) ends the stream, a
     * closed room with a {@code closed} event saying why.
     */
    private void push(Subscription subscription, Optional<QueueStatus> status) {
        SseEmitter emitter = subscription.emitter();
        try {
            if (status.isEmpty()) {
                subscriptions.remove(subscription);
                Optional<String> closed = waitingRoom.closedReason(subscription.eventId());
                if (closed.isPresent()) {
                    emitter.send(SseEmitter.event().name("closed")
                            .data(new RoomClosed(subscription.eventId(), closed.get()), MediaType.APPLICATION_JSON));
                }
                emitter.complete();
            } else if (status.get().isAdmitted()) {
                subscriptions.remove(subscription);
                emitter.send(SseEmitter.event().name("admitted").data(status.get(), MediaType.APPLICATION_JSON));
                emitter.complete();
            } else {
                emitter.send(SseEmitter.event().name("position").data(status.get(), MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the stream already ended: nothing to tell anyone
            log.debug("queue stream closed: {}", e.getMessage());
            subscriptions.remove(subscription);
        }
    }

    @PreDestroy
    void closeAll() {
        subscriptions.forEach(subscription -> subscription.emitter().complete());
        subscriptions.clear();
    }

    private record Subscription(UUID eventId, UUID userId, SseEmitter emitter) {
    }
}
