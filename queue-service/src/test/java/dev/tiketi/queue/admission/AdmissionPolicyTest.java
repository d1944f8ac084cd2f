package dev.tiketi.queue.admission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionPolicyTest {

    @Test
    void aFixedRateIsWhatWaitingUsersCanCountOn() {
        assertThat(new AdmissionPolicy(PolicyType.FIXED_RATE, 10, 1000).expectedRate(3.0, 600)).isEqualTo(10.0);
    }

    @Test
    void aCapacityPolicyTurnsEverySlotOverAtLeastOncePerAdmissionLifetime() {
        var capacity = new AdmissionPolicy(PolicyType.CAPACITY, 10, 1200);
        assertThat(capacity.expectedRate(0, 600)).isEqualTo(2.0);
        assertThat(capacity.expectedRate(50, 600)).as("faster when people finish early").isEqualTo(50.0);
    }
}
