package dev.tiketi.event.admin;

import dev.tiketi.event.venue.SeatTemplate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The template is checked by {@link dev.tiketi.event.venue.SeatTemplateRules}, which names every bad field. */
public record HallRequest(@NotBlank @Size(max = 200) String name, SeatTemplate seatTemplate) {
}
