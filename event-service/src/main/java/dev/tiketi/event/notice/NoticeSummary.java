package dev.tiketi.event.notice;

import java.time.Instant;
import java.util.UUID;

/** A line of the notice list; the body is only on the notice's own page. */
public record NoticeSummary(UUID id, String title, boolean pinned, long viewCount, Instant publishedAt) {
}
