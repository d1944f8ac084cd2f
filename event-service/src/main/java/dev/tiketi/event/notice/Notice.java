package dev.tiketi.event.notice;

import java.time.Instant;
import java.util.UUID;

/** A notice as readers see it, with its view count including the current view. */
public record Notice(UUID id, String title, String body, boolean pinned, long viewCount, Instant publishedAt,
        Instant updatedAt) {
}
