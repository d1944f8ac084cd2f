package dev.tiketi.event.venue;

import dev.tiketi.event.venue.SeatTemplate.Row;
import dev.tiketi.event.venue.SeatTemplate.Section;
import dev.tiketi.web.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeatTemplateRulesTest {

    private static final Map<String, Long> PRICES = Map.of("VIP", 200_000L, "R", 150_000L);

    @Test
    void aTemplateNeedsSectionsRowsAndSeats() {
        assertThat(fields(null)).containsExactly("t");
        assertThat(fields(new SeatTemplate(List.of(), PRICES))).containsExactly("t.sections");
        assertThat(fields(new SeatTemplate(null, PRICES))).containsExactly("t.sections");
        assertThat(fields(new SeatTemplate(List.of(new Section("F", "R", List.of())), PRICES)))
                .containsExactly("t.sections[0].rows");
        assertThat(fields(new SeatTemplate(List.of(new Section("F", "R", List.of(new Row("A", 0, null)))), PRICES)))
                .containsExactly("t.sections[0].rows[0].seats");
        assertThat(fields(new SeatTemplate(List.of(new Section("F", "R", null)), PRICES)))
                .containsExactly("t.sections[0].rows");
        List<Section> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(fields(new SeatTemplate(withNull, PRICES))).containsExactly("t.sections[0]");
    }

    @Test
    void seatsPerRowAreBetweenOneAndTwoHundred() {
        assertThat(fields(oneRow(new Row("A", 1, null)))).isEmpty();
        assertThat(fields(oneRow(new Row("A", 200, null)))).isEmpty();
        assertThat(fields(oneRow(new Row("A", 201, null)))).containsExactly("t.sections[0].rows[0].seats");
        assertThat(fields(oneRow(new Row("A", -3, null)))).containsExactly("t.sections[0].rows[0].seats");
    }

    @Test
    void atMostAHundredThousandSeats() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new Row("R" + i, 200, null));
        }
        assertThat(fields(new SeatTemplate(List.of(new Section("F", "R", rows)), PRICES))).isEmpty();
        rows.add(new Row("X", 1, null));
        assertThat(fields(new SeatTemplate(List.of(new Section("F", "R", rows)), PRICES))).containsExactly("t");
    }

    @Test
    void sectionNamesAndRowLabelsAreUniqueIgnoringCaseAndBlanks() {
        var template = new SeatTemplate(List.of(
                new Section("Floor", "R", List.of(new Row("A", 1, null), new Row("a ", 1, null), new Row("B", 1, null))),
                new Section(" FLOOR", "R", List.of(new Row("A", 1, null)))), PRICES);
        assertThat(fields(template)).containsExactly("t.sections[0].rows[1].label", "t.sections[1].name");
    }

    @Test
    void sameRowLabelInDifferentSectionsIsFine() {
        var template = new SeatTemplate(List.of(new Section("L", "R", List.of(new Row("A", 1, null))),
                new Section("R", "R", List.of(new Row("A", 1, null)))), PRICES);
        assertThat(fields(template)).isEmpty();
    }

    @Test
    void namesAndLabelsFitTheirColumns() {
        assertThat(fields(new SeatTemplate(List.of(new Section("S".repeat(31), "R", List.of(new Row("A", 1, null)))),
                PRICES))).containsExactly("t.sections[0].name");
        assertThat(fields(oneRow(new Row("L".repeat(11), 1, null)))).containsExactly("t.sections[0].rows[0].label");
        assertThat(fields(oneRow(new Row(" ", 1, null)))).containsExactly("t.sections[0].rows[0].label");
    }

    @Test
    void gradesComeFromTheFixedSetAndEachUsedGradeHasAPositivePrice() {
        assertThat(fields(oneRow(new Row("A", 1, "GOLD")))).containsExactly("t.sections[0].rows[0].grade");
        assertThat(fields(oneRow(new Row("A", 1, "S")))).containsExactly("t.prices.S");
        assertThat(fields(new SeatTemplate(List.of(new Section("F", "vip", List.of(new Row("A", 1, null)))), PRICES)))
                .containsExactly("t.sections[0].grade");
        assertThat(fields(new SeatTemplate(List.of(new Section("F", null, List.of(new Row("A", 1, null)))), PRICES)))
                .containsExactly("t.sections[0].grade");
        Map<String, Long> prices = new HashMap<>(PRICES);
        prices.put("R", 0L);
        prices.put("B", null);
        prices.put("XL", 10L);
        prices.put("VIP", SeatTemplateRules.MAX_PRICE + 1);
        assertThat(fields(oneRowWithPrices(prices))).containsExactlyInAnyOrder("t.prices.R", "t.prices.B", "t.prices.XL",
                "t.prices.VIP");
        assertThat(fields(oneRowWithPrices(Map.of()))).containsExactly("t.prices");
        assertThat(fields(oneRowWithPrices(null))).containsExactly("t.prices");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var template = new SeatTemplate(List.of(
                new Section("F", "R", List.of(new Row("A", 0, null), new Row("A", 300, "Q")))), Map.of("R", -1L));
        assertThat(fields(template)).containsExactlyInAnyOrder("t.sections[0].rows[0].seats",
                "t.sections[0].rows[1].label", "t.sections[0].rows[1].seats", "t.sections[0].rows[1].grade",
                "t.prices.R");
    }

    private static SeatTemplate oneRow(Row row) {
        return new SeatTemplate(List.of(new Section("F", "R", List.of(row))), PRICES);
    }

    private static SeatTemplate oneRowWithPrices(Map<String, Long> prices) {
        return new SeatTemplate(List.of(new Section("F", "R", List.of(new Row("A", 1, "VIP")))), prices);
    }

    private static List<String> fields(SeatTemplate template) {
        return SeatTemplateRules.validate(template, "t").stream().map(FieldError::field).toList();
    }
}
