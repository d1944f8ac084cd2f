package dev.tiketi.event.browse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTest {

    @Test
    void numbersInLabelsCompareByValue() {
        List<String> labels = new ArrayList<>(List.of("10", "2", "1", "R10", "R2", "r3", "FLOOR", "A", "AA", "B"));
        labels.sort(NaturalOrder.INSTANCE);

        assertThat(labels).containsExactly("1", "2", "10", "A", "AA", "B", "FLOOR", "R2", "r3", "R10");
    }

    @Test
    void leadingZerosAndHugeNumbersAreHandledWithoutParsing() {
        assertThat(NaturalOrder.INSTANCE.compare("007", "7")).isNotZero();
        assertThat(NaturalOrder.INSTANCE.compare("07", "10")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("99999999999999999999", "100000000000000000000")).isNegative();
    }

    @Test
    void theOrderIsTotalAndConsistentWithEquals() {
        assertThat(NaturalOrder.INSTANCE.compare("a", "A")).isNotZero();
        assertThat(NaturalOrder.INSTANCE.compare("a", "a")).isZero();
        assertThat(Integer.signum(NaturalOrder.INSTANCE.compare("a", "A")))
                .isEqualTo(-Integer.signum(NaturalOrder.INSTANCE.compare("A", "a")));
    }
}
