package dev.tiketi.event.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as an admin creates or edits it. Times are ISO-8601 instants (UTC on the wire). {@code hallId}
 * is required to create; on an edit it may be left out, and if given must be the event's hall, because the
 * seats were generated from it.
 */
public record EventRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String artist,
        @Size(max = 10_000) String description,
        @NotNull EventCategory category,
        UUID hallId,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotNull Instant saleStartsAt,
        @NotNull Instant saleEndsAt,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String posterUrl) {
}
