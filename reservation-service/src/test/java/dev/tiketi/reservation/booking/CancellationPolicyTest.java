package dev.tiketi.reservation.booking;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationPolicyTest {

    /** 15 March 2030, 19:00 in Seoul. */
    private static final Instant EVENT = Instant.parse("2030-03-15T10:00:00Z");

    @Test
    void untilTheLastSecondOfTheDayBeforeTheEventInSeoul() {
        assertThat(CancellationPolicy.allows(EVENT, Instant.parse("2030-03-01T00:00:00Z"))).isTrue();
        // 14 March 23:59:59 in Seoul
        assertThat(CancellationPolicy.allows(EVENT, Instant.parse("2030-03-14T14:59:59Z"))).isTrue();
        // 15 March 00:00 in Seoul, though still 14 March in UTC
        assertThat(CancellationPolicy.allows(EVENT, Instant.parse("2030-03-14T15:00:00Z"))).isFalse();
    }

    @Test
    void notOnTheEventDayNorAfter() {
        assertThat(CancellationPolicy.allows(EVENT, EVENT.minusSeconds(3600))).isFalse();
        assertThat(CancellationPolicy.allows(EVENT, EVENT.plusSeconds(86_400))).isFalse();
    }

    @Test
    void anEventEarlyInTheMorningCountsByItsSeoulDate() {
        // 16 March 01:00 in Seoul, which is 15 March in UTC: cancellable through all of 15 March, Seoul time
        Instant earlyMorning = Instant.parse("2030-03-15T16:00:00Z");
        assertThat(CancellationPolicy.allows(earlyMorning, Instant.parse("2030-03-15T14:59:59Z"))).isTrue();
        assertThat(CancellationPolicy.allows(earlyMorning, Instant.parse("2030-03-15T15:00:00Z"))).isFalse();
    }
}
