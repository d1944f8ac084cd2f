package dev.tiketi.user.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1));

    @ParameterizedTest
    @CsvSource({"0", "1", "4"})
    void noLockBelowTheThreshold(int failures) {
        assertThat(policy.lockDuration(failures)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"5, 1", "6, 2", "7, 4", "8, 8", "9, 16", "10, 32", "11, 60", "12, 60", "40, 60", "2147483647, 60"})
    void lockDoublesFromTheThresholdUpToTheCap(int failures, long minutes) {
        assertThat(policy.lockDuration(failures)).contains(Duration.ofMinutes(minutes));
    }

    @Test
    void refusesNonsensicalSettings() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(5, Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
