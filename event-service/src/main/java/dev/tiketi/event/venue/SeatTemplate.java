package dev.tiketi.event.venue;

import java.util.List;
import java.util.Map;

/**
 * The seat layout of a hall: sections of rows, a grade per section (a row may override it), and a price
 * in KRW per grade.
 */
public record SeatTemplate(List<Section> sections, Map<String, Long> prices) {

    public record Section(String name, String grade, List<Row> rows) {
    }

    /** {@code grade} is null when the row takes its section's grade. */
    public record Row(String label, int seats, String grade) {
    }

    public int seatCount() {
        return sections.stream().flatMap(section -> section.rows().stream()).mapToInt(Row::seats).sum();
    }
}
