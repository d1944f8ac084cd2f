package dev.tiketi.queue.waitingroom;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a user stands in an event's waiting room. {@code position} is 1-based and written as null once
 * admitted (clients test for it); the token fields appear only when admitted. {@code ticket} is the user's number
 * in the line while waiting (1, 2, 3… in the order people entered; absent once admitted): the user is admitted
 * once {@link QueueProgress#servedThrough()} reaches it.
 */
public record QueueStatus(UUID eventId, String status, @JsonInclude(JsonInclude.Include.ALWAYS) Long position,
                          long ahead, long totalWaiting, Long estimatedWaitSeconds, String admissionToken,
                          Instant admissionExpiresAt, Long ticket) {

    public static final String WAITING = "WAITING";
    public static final String ADMITTED = "ADMITTED";

    /** @param ticket 0 for a place taken before tickets were handed out (written as absent) */
    static QueueStatus waiting(UUID eventId, long rank, long totalWaiting, double admissionsPerSecond, long ticket) {
        long estimate = admissionsPerSecond > 0 ? (long) Math.ceil((rank + 1) / admissionsPerSecond) : 0;
        return new QueueStatus(eventId, WAITING, rank + 1, rank, totalWaiting, estimate, null, null,
                ticket > 0 ? ticket : null);
    }

    static QueueStatus admitted(UUID eventId, String token, Instant expiresAt, long totalWaiting) {
        return new QueueStatus(eventId, ADMITTED, null, 0, totalWaiting, 0L, token, expiresAt, null);
    }

    public boolean isAdmitted() {
        return ADMITTED.equals(status);
    }
}
