package dev.tiketi.queue.waitingroom;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * How far an event's line has moved, the same answer for every client and so cacheable by the gateway: a waiting
 * client compares {@code servedThrough} with its own {@link QueueStatus#ticket()} (admitted once it is reached)
 * and asks for its own status only then, or now and then for its exact place.
 *
 * @param servedThrough the highest ticket admitted so far (0: nobody yet); the line is admitted in ticket order
 * @param totalWaiting  how many are waiting now
 * @param admissionsPerSecond the rate the room's policy admits at, for estimates (0 once closed)
 * @param closedReason  why the room was closed for good (e.g. {@code EVENT_CANCELLED}), null while open
 */
public record QueueProgress(UUID eventId, long servedThrough, long totalWaiting, double admissionsPerSecond,
                            @JsonInclude(JsonInclude.Include.ALWAYS) String closedReason) {
}
