package dev.tiketi.queue.waitingroom;

import java.util.UUID;

/** What a waiting buyer's stream says when the room closes for good ({@code closed} SSE event). */
public record RoomClosed(UUID eventId, String reason) {
}
