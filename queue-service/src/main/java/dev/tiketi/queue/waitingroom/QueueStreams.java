package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.admission.AdmissionListener;
import dev.tiketi.queue.admission.Admitted;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live streams open on this instance. One scheduled broadcaster pushes every stream its position
 * ({@code position} events) instead of a loop per stream; an admission made by this instance's tick is
 * pushed at once ({@code admitted}), one made by another instance's tick at the next broadcast. After
 * {@code admitted} the stream completes.
 */
@Component
public class QueueStreams implements AdmissionListener {

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

    @Scheduled(fixedDelayString = "${tiketi.queue.stream-interval}")
    void broadcast() {
        for (Subscription subscription : subscriptions) {
            push(subscription, waitingRoom.find(subscription.eventId(), subscription.userId()));
        }
    }

    @Override
    public void admitted(List<Admitted> admitted) {
        for (Admitted admission : admitted) {
            for (Subscription subscription : subscriptions) {
                if (subscription.userId().equals(admission.userId()) && subscription.eventId().equals(admission.eventId())) {
                    push(subscription, waitingRoom.find(admission.eventId(), admission.userId()));
                }
            }
        }
    }

    /** Sends the status; an admission or a status that is gone (left, expired) ends the stream. */
    private void push(Subscription subscription, Optional<QueueStatus> status) {
        SseEmitter emitter = subscription.emitter();
        try {
            if (status.isEmpty()) {
                subscriptions.remove(subscription);
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
