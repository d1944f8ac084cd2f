package dev.tiketi.queue.admission;

import java.time.Instant;
import java.util.UUID;

/** One user let in by an admission tick, with the token that proves it. */
public record Admitted(UUID eventId, UUID userId, String token, Instant expiresAt) {
}
