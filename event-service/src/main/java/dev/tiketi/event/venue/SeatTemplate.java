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

    /** The same template with names and labels stripped of surrounding blanks, as seats will carry them. */
    public SeatTemplate stripped() {
        return new SeatTemplate(sections.stream()
                .map(section -> new Section(section.name().strip(), section.grade(), section.rows().stream()
                        .map(row -> new Row(row.label().strip(), row.seats(), row.grade()))
                        .toList()))
                .toList(), prices);
    }

    public int seatCount() {
        return sections.stream().flatMap(section -> section.rows().stream()).mapToInt(Row::seats).sum();
    }
}
