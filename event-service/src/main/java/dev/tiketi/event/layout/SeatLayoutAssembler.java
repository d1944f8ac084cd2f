package dev.tiketi.event.layout;

import dev.tiketi.event.browse.NaturalOrder;
import dev.tiketi.event.venue.SeatTemplateRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds a {@link SeatLayoutDocument} from an event's seats, fed in seat-number order within each row.
 *
 * <p>Rows are ordered by their template position; seats generated before positions were recorded have none,
 * and then sections and rows fall back to natural order ("2" before "10"). The document promises that a
 * row's seats are numbered 1..n and share one grade and price, as {@code SeatGenerator} creates them; seats
 * that break this are refused rather than drawn with wrong numbers.
 */
final class SeatLayoutAssembler {

    private static final Comparator<String> GRADE_ORDER = Comparator.comparingInt(grade -> {
        int index = SeatTemplateRules.GRADES.indexOf(grade);
        return index < 0 ? Integer.MAX_VALUE : index;
    });

    private final UUID eventId;
    private final Map<String, Map<String, RowBuilder>> sections = new LinkedHashMap<>();
    private int totalSeats;

    SeatLayoutAssembler(UUID eventId) {
        this.eventId = eventId;
    }

    /** {@code rowPosition} is null for seats generated before positions were recorded. */
    void add(UUID seatId, String section, String rowLabel, int number, String grade, long price, Integer rowPosition) {
        RowBuilder row = sections.computeIfAbsent(section, name -> new LinkedHashMap<>())
                .computeIfAbsent(rowLabel, label -> new RowBuilder(section, label, grade, price, rowPosition));
        row.add(seatId, number, grade, price, rowPosition);
        totalSeats++;
    }

    boolean isEmpty() {
        return totalSeats == 0;
    }

    SeatLayoutDocument build() {
        List<SeatLayoutDocument.Section> ordered = sections.entrySet().stream()
                .map(section -> new SectionRows(section.getKey(), section.getValue().values().stream()
                        .sorted(RowBuilder.ORDER).toList()))
                .sorted(Comparator.comparing((SectionRows section) -> section.rows().getFirst(), RowBuilder.ORDER))
                .map(section -> new SeatLayoutDocument.Section(section.name(),
                        section.rows().stream().map(RowBuilder::toRow).toList()))
                .toList();
        return new SeatLayoutDocument(eventId, totalSeats, grades(ordered), ordered);
    }

    private static List<SeatLayoutDocument.Grade> grades(List<SeatLayoutDocument.Section> sections) {
        Map<String, long[]> priceAndSeats = new LinkedHashMap<>();
        for (SeatLayoutDocument.Section section : sections) {
            for (SeatLayoutDocument.Row row : section.rows()) {
                long[] totals = priceAndSeats.computeIfAbsent(row.grade(), grade -> new long[] {row.price(), 0});
                if (totals[0] != row.price()) {
                    throw new IllegalStateException("grade " + row.grade() + " has two prices, " + totals[0]
                            + " and " + row.price());
                }
                totals[1] += row.seatIds().size();
            }
        }
        return priceAndSeats.entrySet().stream()
                .map(grade -> new SeatLayoutDocument.Grade(grade.getKey(), grade.getValue()[0],
                        Math.toIntExact(grade.getValue()[1])))
                .sorted(Comparator.comparingLong(SeatLayoutDocument.Grade::price).reversed()
                        .thenComparing(SeatLayoutDocument.Grade::grade, GRADE_ORDER))
                .toList();
    }

    private record SectionRows(String name, List<RowBuilder> rows) {
    }

    private static final class RowBuilder {

        /** Template position when known (rows of one event either all have one or none do), else natural order. */
        static final Comparator<RowBuilder> ORDER = Comparator
                .comparing((RowBuilder row) -> row.position, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(row -> row.section, NaturalOrder.INSTANCE)
                .thenComparing(row -> row.label, NaturalOrder.INSTANCE);

        private final String section;
        private final String label;
        private final String grade;
        private final long price;
        private final Integer position;
        private final List<UUID> seatIds = new ArrayList<>();

        RowBuilder(String section, String label, String grade, long price, Integer position) {
            this.section = section;
            this.label = label;
            this.grade = grade;
            this.price = price;
            this.position = position;
        }

        void add(UUID seatId, int number, String seatGrade, long seatPrice, Integer seatPosition) {
            if (number != seatIds.size() + 1) {
                throw new IllegalStateException("seats of row %s/%s are not numbered 1..n: seat %d follows %d"
                        .formatted(section, label, number, seatIds.size()));
            }
            if (!grade.equals(seatGrade) || price != seatPrice || !Objects.equals(position, seatPosition)) {
                throw new IllegalStateException("seats of row %s/%s differ in grade, price or position"
                        .formatted(section, label));
            }
            seatIds.add(seatId);
        }

        SeatLayoutDocument.Row toRow() {
            return new SeatLayoutDocument.Row(label, grade, price, List.copyOf(seatIds));
        }
    }
}
