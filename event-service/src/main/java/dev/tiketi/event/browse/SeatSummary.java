package dev.tiketi.event.browse;

import java.util.List;

/** The per-grade summary of an event, most expensive first; a record so that it caches as one JSON value. */
public record SeatSummary(List<GradeSummary> grades) {

    public SeatSummary {
        grades = List.copyOf(grades);
    }
}
