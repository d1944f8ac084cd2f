package dev.tiketi.event.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A notice as an administrator writes it; {@code pinned} absent means not pinned. */
public record NoticeRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 20_000) String body,
        Boolean pinned) {

    boolean isPinned() {
        return Boolean.TRUE.equals(pinned);
    }
}
