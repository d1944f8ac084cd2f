package dev.tiketi.event.venue;

import dev.tiketi.web.problem.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What makes a seat template acceptable. Every problem is reported at once with the path of the offending
 * field ({@code seatTemplate.sections[1].rows[0].seats}), so an admin can fix a large template in one go.
 *
 * <p>Grades are the fixed set VIP, R, S, A, B. Custom grades are refused on purpose: the seat map legend,
 * its colours and the per-grade summaries of the frontend and the reservation snapshots rely on that set,
 * and a typo ("VPI") would otherwise silently become a grade of its own.
 */
public final class SeatTemplateRules {

    public static final List<String> GRADES = List.of("VIP", "R", "S", "A", "B");
    public static final int MAX_SEATS_PER_ROW = 200;
    public static final int MAX_SEATS = 100_000;
    /** Column widths of {@code seats.section} and {@code seats.row_label}. */
    static final int MAX_SECTION_NAME = 30;
    static final int MAX_ROW_LABEL = 10;
    /** Ten million won: far above any real ticket, low enough to catch a misplaced digit. */
    public static final long MAX_PRICE = 10_000_000L;

    private SeatTemplateRules() {
    }

    /** The problems of {@code template}, each named under {@code prefix}; empty when it is acceptable. */
    public static List<FieldError> validate(SeatTemplate template, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (template == null) {
            errors.add(new FieldError(prefix, "NotNull", "is required"));
            return errors;
        }
        Set<String> usedGrades = new HashSet<>();
        long total = validateSections(template.sections(), prefix + ".sections", usedGrades, errors);
        if (total > MAX_SEATS) {
            errors.add(new FieldError(prefix, "TooManySeats",
                    "has %d seats; a hall has at most %d".formatted(total, MAX_SEATS)));
        }
        validatePrices(template.prices(), prefix + ".prices", usedGrades, errors);
        return errors;
    }

    private static long validateSections(List<SeatTemplate.Section> sections, String path, Set<String> usedGrades,
            List<FieldError> errors) {
        if (sections == null || sections.isEmpty()) {
            errors.add(new FieldError(path, "NotEmpty", "needs at least one section"));
            return 0;
        }
        long total = 0;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            String sectionPath = path + "[" + i + "]";
            SeatTemplate.Section section = sections.get(i);
            if (section == null) {
                errors.add(new FieldError(sectionPath, "NotNull", "is required"));
                continue;
            }
            if (checkLabel(section.name(), MAX_SECTION_NAME, sectionPath + ".name", errors)
                    && !names.add(section.name().strip().toUpperCase(Locale.ROOT))) {
                errors.add(new FieldError(sectionPath + ".name", "Duplicate",
                        "another section is already called '" + section.name().strip() + "'"));
            }
            if (checkGrade(section.grade(), sectionPath + ".grade", errors)) {
                usedGrades.add(section.grade());
            }
            total += validateRows(section, sectionPath + ".rows", usedGrades, errors);
        }
        return total;
    }

    private static long validateRows(SeatTemplate.Section section, String path, Set<String> usedGrades,
            List<FieldError> errors) {
        List<SeatTemplate.Row> rows = section.rows();
        if (rows == null || rows.isEmpty()) {
            errors.add(new FieldError(path, "NotEmpty", "needs at least one row"));
            return 0;
        }
        long total = 0;
        Set<String> labels = new HashSet<>();
        for (int j = 0; j < rows.size(); j++) {
            String rowPath = path + "[" + j + "]";
            SeatTemplate.Row row = rows.get(j);
            if (row == null) {
                errors.add(new FieldError(rowPath, "NotNull", "is required"));
                continue;
            }
            // labels are compared as seat numbers are printed: "a" and "A " would be the same row on a ticket
            if (checkLabel(row.label(), MAX_ROW_LABEL, rowPath + ".label", errors)
                    && !labels.add(row.label().strip().toUpperCase(Locale.ROOT))) {
                errors.add(new FieldError(rowPath + ".label", "Duplicate",
                        "row '" + row.label().strip() + "' already exists in this section"));
            }
            if (row.seats() < 1 || row.seats() > MAX_SEATS_PER_ROW) {
                errors.add(new FieldError(rowPath + ".seats", "Range",
                        "must be between 1 and " + MAX_SEATS_PER_ROW));
            } else {
                total += row.seats();
            }
            if (row.grade() != null) {
                if (checkGrade(row.grade(), rowPath + ".grade", errors)) {
                    usedGrades.add(row.grade());
                }
            }
        }
        return total;
    }

    private static void validatePrices(Map<String, Long> prices, String path, Set<String> usedGrades,
            List<FieldError> errors) {
        if (prices == null || prices.isEmpty()) {
            errors.add(new FieldError(path, "NotEmpty", "needs a price for every grade used"));
            return;
        }
        prices.forEach((grade, price) -> {
            String pricePath = path + "." + grade;
            if (!GRADES.contains(grade)) {
                errors.add(new FieldError(pricePath, "UnknownGrade", "grade must be one of " + GRADES));
            } else if (price == null || price < 1 || price > MAX_PRICE) {
                errors.add(new FieldError(pricePath, "Range",
                        "must be a whole number of won between 1 and " + MAX_PRICE));
            }
        });
        GRADES.stream()
                .filter(grade -> usedGrades.contains(grade) && !prices.containsKey(grade))
                .forEach(grade -> errors.add(new FieldError(path + "." + grade, "MissingPrice",
                        "grade " + grade + " is used by seats but has no price")));
    }

    private static boolean checkLabel(String value, int maxLength, String path, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(path, "NotBlank", "must not be blank"));
            return false;
        }
        if (value.strip().length() > maxLength) {
            errors.add(new FieldError(path, "Size", "must be at most " + maxLength + " characters"));
            return false;
        }
        return true;
    }

    private static boolean checkGrade(String grade, String path, List<FieldError> errors) {
        if (grade == null || grade.isBlank()) {
            errors.add(new FieldError(path, "NotBlank", "must be one of " + GRADES));
            return false;
        }
        if (!GRADES.contains(grade)) {
            errors.add(new FieldError(path, "UnknownGrade", "must be one of " + GRADES));
            return false;
        }
        return true;
    }
}
