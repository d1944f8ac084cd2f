package dev.tiketi.queue.waitingroom;

import dev.tiketi.security.AuthenticatedUser;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.UUID;

/**
 * The buyer's side of the waiting room. Status polling is rate-limited (60/min/user) by the gateway;
 * the SSE stream ({@link QueueStreams}) is the way to follow a position without polling, and the public progress
 * figure (one answer for everyone, kept by the gateway for a second) the way to poll without a request per buyer.
 */
@RestController
@RequestMapping("/api/queue/{eventId}")
class QueueController {

    private static final CacheControl PROGRESS_CACHING = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final WaitingRoom waitingRoom;
    private final QueueStreams streams;

    QueueController(WaitingRoom waitingRoom, QueueStreams streams) {
        this.waitingRoom = waitingRoom;
        this.streams = streams;
    }

    @PostMapping("/enter")
    QueueStatus enter(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return waitingRoom.enter(eventId, AuthenticatedUser.from(jwt).id());
    }

    /** Public: no token, the same answer for everyone, which the gateway's shared cache may keep for a second. */
    @GetMapping("/progress")
    ResponseEntity<QueueProgress> progress(@PathVariable UUID eventId) {
        return ResponseEntity.ok().cacheControl(PROGRESS_CACHING).body(waitingRoom.progress(eventId));
    }

    @GetMapping("/status")
    QueueStatus status(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return waitingRoom.status(eventId, AuthenticatedUser.from(jwt).id());
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return streams.open(eventId, AuthenticatedUser.from(jwt).id());
    }

    @DeleteMapping
    ResponseEntity<Void> leave(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        waitingRoom.leave(eventId, AuthenticatedUser.from(jwt).id());
        return ResponseEntity.noContent().build();
    }
}
