package dev.tiketi.event.seat;

import dev.tiketi.event.venue.SeatTemplate;
import dev.tiketi.event.venue.SeatTemplate.Row;
import dev.tiketi.event.venue.SeatTemplate.Section;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeatLayoutTest {

    @Test
    void aRowTakesItsOwnGradeOrItsSectionsAndThatGradesPrice() {
        var template = new SeatTemplate(List.of(
                new Section("FLOOR", "R", List.of(new Row("A", 10, "VIP"), new Row("B", 12, null))),
                new Section("2F", "A", List.of(new Row("A", 30, null)))),
                Map.of("VIP", 200_000L, "R", 150_000L, "A", 80_000L));

        var layout = SeatLayout.of(template);

        assertThat(layout.rows()).containsExactly(
                new SeatLayout.RowSpec("FLOOR", "A", 10, "VIP", 200_000L),
                new SeatLayout.RowSpec("FLOOR", "B", 12, "R", 150_000L),
                new SeatLayout.RowSpec("2F", "A", 30, "A", 80_000L));
        assertThat(layout.seatCount()).isEqualTo(52);
    }
}
