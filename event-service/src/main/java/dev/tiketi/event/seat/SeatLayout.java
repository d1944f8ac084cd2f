package dev.tiketi.event.seat;

import dev.tiketi.event.venue.SeatTemplate;

import java.util.List;

/**
 * A seat template resolved row by row: each row with the grade it really has (its own or its section's)
 * and that grade's price. The seats of a row are numbered 1 to {@code seats}.
 */
public record SeatLayout(List<RowSpec> rows) {

    public record RowSpec(String section, String label, int seats, String grade, long price) {
    }

    /** Expects a template that passed {@link dev.tiketi.event.venue.SeatTemplateRules}. */
    public static SeatLayout of(SeatTemplate template) {
        return new SeatLayout(template.sections().stream()
                .flatMap(section -> section.rows().stream().map(row -> {
                    String grade = row.grade() != null ? row.grade() : section.grade();
                    return new RowSpec(section.name(), row.label(), row.seats(), grade, template.prices().get(grade));
                }))
                .toList());
    }

    public int seatCount() {
        return rows.stream().mapToInt(RowSpec::seats).sum();
    }
}
