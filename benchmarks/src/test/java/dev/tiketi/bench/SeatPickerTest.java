package dev.tiketi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SeatPickerTest {

    /** Two sections of 50 rows × 10 seats; seat ids say where they are: "s<section>r<row>n<number>". */
    private static final JsonNode SEAT_MAP = Json.read(Json.write(Map.of("sections", IntStream.rangeClosed(1, 2)
            .mapToObj(section -> Map.of("rows", IntStream.rangeClosed(1, 50)
                    .mapToObj(row -> Map.of("seats", IntStream.rangeClosed(1, 10)
                            .mapToObj(number -> Map.of("id", "s%dr%dn%d".formatted(section, row, number)))
                            .toList()))
                    .toList()))
            .toList())));

    @Test
    void picksOneToFourAdjacentSeatsOfOneRow() {
        SeatPicker picker = new SeatPicker(SEAT_MAP, 50, 0.7);
        Set<Integer> counts = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            List<String> seats = picker.pick(i % 2 == 0);
            counts.add(seats.size());
            String row = seats.getFirst().substring(0, seats.getFirst().indexOf('n'));
            int first = number(seats.getFirst());
            for (int k = 0; k < seats.size(); k++) {
                assertThat(seats.get(k)).isEqualTo(row + "n" + (first + k));
            }
        }
        assertThat(counts).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(picker.seatCount()).isEqualTo(1_000);
    }

    @Test
    void firstAttemptsAimAtTheBestBlockAndLaterOnesAtTheWholeHall() {
        SeatPicker alwaysBest = new SeatPicker(SEAT_MAP, 50, 1.0);
        List<String> firstRows = new ArrayList<>();
        List<String> laterRows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            firstRows.add(rowOf(alwaysBest.pick(true).getFirst()));
            laterRows.add(rowOf(alwaysBest.pick(false).getFirst()));
        }
        assertThat(firstRows).allMatch(row -> List.of("s1r1", "s1r2", "s1r3", "s1r4", "s1r5").contains(row));
        assertThat(new HashSet<>(laterRows)).hasSizeGreaterThan(50).anyMatch(row -> row.startsWith("s2"));
    }

    private static String rowOf(String seatId) {
        return seatId.substring(0, seatId.indexOf('n'));
    }

    private static int number(String seatId) {
        return Integer.parseInt(seatId.substring(seatId.indexOf('n') + 1));
    }
}
