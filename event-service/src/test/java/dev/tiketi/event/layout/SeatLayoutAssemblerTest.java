package dev.tiketi.event.layout;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SeatLayoutAssemblerTest {

    private final UUID eventId = UUID.randomUUID();

    @Test
    void rowsFollowTheirTemplatePositionAndSectionsTheirFirstRow() {
        var assembler = new SeatLayoutAssembler(eventId);
        // fed in index order (section, row label, number), as the database returns them
        assembler.add(UUID.randomUUID(), "A", "1", 1, "S", 90_000, 3);
        assembler.add(UUID.randomUUID(), "A", "2", 1, "S", 90_000, 2);
        assembler.add(UUID.randomUUID(), "Z", "1", 1, "VIP", 150_000, 0);
        assembler.add(UUID.randomUUID(), "Z", "1", 2, "VIP", 150_000, 0);
        assembler.add(UUID.randomUUID(), "Z", "9", 1, "S", 90_000, 1);

        SeatLayoutDocument layout = assembler.build();

        assertThat(layout.totalSeats()).isEqualTo(5);
        assertThat(layout.sections()).extracting(SeatLayoutDocument.Section::name).containsExactly("Z", "A");
        assertThat(layout.sections().get(0).rows()).extracting(SeatLayoutDocument.Row::label).containsExactly("1", "9");
        assertThat(layout.sections().get(1).rows()).extracting(SeatLayoutDocument.Row::label).containsExactly("2", "1");
        assertThat(layout.grades()).containsExactly(new SeatLayoutDocument.Grade("VIP", 150_000, 2),
                new SeatLayoutDocument.Grade("S", 90_000, 3));
    }

    @Test
    void gradesOfEqualPriceKeepTheGradeOrder() {
        var assembler = new SeatLayoutAssembler(eventId);
        assembler.add(UUID.randomUUID(), "A", "1", 1, "B", 50_000, 0);
        assembler.add(UUID.randomUUID(), "A", "2", 1, "R", 50_000, 1);

        assertThat(assembler.build().grades()).extracting(SeatLayoutDocument.Grade::grade).containsExactly("R", "B");
    }

    @Test
    void seatNumbersThatAreNotOneToNAreRefused() {
        var gap = new SeatLayoutAssembler(eventId);
        gap.add(UUID.randomUUID(), "A", "1", 1, "S", 90_000, 0);
        assertThatIllegalStateException().isThrownBy(() -> gap.add(UUID.randomUUID(), "A", "1", 3, "S", 90_000, 0))
                .withMessageContaining("not numbered 1..n");

        var notFromOne = new SeatLayoutAssembler(eventId);
        assertThatIllegalStateException().isThrownBy(() -> notFromOne.add(UUID.randomUUID(), "A", "1", 2, "S", 90_000, 0));
    }

    @Test
    void aRowWithTwoPricesIsRefused() {
        var assembler = new SeatLayoutAssembler(eventId);
        assembler.add(UUID.randomUUID(), "A", "1", 1, "S", 90_000, 0);
        assertThatIllegalStateException().isThrownBy(() -> assembler.add(UUID.randomUUID(), "A", "1", 2, "S", 80_000, 0));
    }

    @Test
    void anEventWithoutSeatsHasAnEmptyLayout() {
        SeatLayoutDocument layout = new SeatLayoutAssembler(eventId).build();

        assertThat(layout.sections()).isEmpty();
        assertThat(layout.grades()).isEqualTo(List.of());
        assertThat(layout.totalSeats()).isZero();
    }
}
