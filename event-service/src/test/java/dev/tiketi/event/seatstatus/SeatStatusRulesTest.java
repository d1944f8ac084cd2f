package dev.tiketi.event.seatstatus;

import dev.tiketi.event.seatstatus.SeatStatusRules.Seat;
import dev.tiketi.event.seatstatus.SeatStatusRules.SeatChange;
import dev.tiketi.event.seatstatus.SeatStatusRules.SeatStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SeatStatusRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Instant SALE_START = NOW.minus(Duration.ofHours(1));
    private static final Instant SALE_END = NOW.plus(Duration.ofDays(1));

    private final UUID reservation = UUID.randomUUID();
    private final UUID otherReservation = UUID.randomUUID();

    @Test
    void sellingTakesAvailableSeatsAndCountsThem() {
        Seat first = available();
        Seat second = available();

        SeatChange change = SeatStatusRules.sell(reservation, List.of(first, second));

        assertThat(change.seatIds()).containsExactly(first.id(), second.id());
        assertThat(change.status()).isEqualTo(SeatStatus.SOLD);
        assertThat(change.soldTo()).isEqualTo(reservation);
        assertThat(change.availableDelta()).isEqualTo(-2);
        assertThat(change.takenFromOthers()).isEmpty();
    }

    @Test
    void sellingAgainToTheSameReservationChangesNothing() {
        SeatChange change = SeatStatusRules.sell(reservation, List.of(soldTo(reservation), soldTo(reservation)));

        assertThat(change.isEmpty()).isTrue();
        assertThat(change.availableDelta()).isZero();
    }

    @Test
    void aSeatSoldToAnotherReservationChangesHandsWithoutChangingTheCount() {
        Seat free = available();
        Seat taken = soldTo(otherReservation);
        Seat mine = soldTo(reservation);

        SeatChange change = SeatStatusRules.sell(reservation, List.of(free, taken, mine));

        assertThat(change.seatIds()).containsExactly(free.id(), taken.id());
        assertThat(change.availableDelta()).isEqualTo(-1);
        assertThat(change.takenFromOthers()).containsExactly(taken);
    }

    @Test
    void releasingFreesOnlySeatsStillSoldToThatReservation() {
        Seat mine = soldTo(reservation);
        Seat resold = soldTo(otherReservation);
        Seat free = available();

        SeatChange change = SeatStatusRules.release(reservation, List.of(mine, resold, free));

        assertThat(change.seatIds()).containsExactly(mine.id());
        assertThat(change.status()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(change.soldTo()).isNull();
        assertThat(change.availableDelta()).isEqualTo(1);
    }

    @Test
    void lateReleaseOfAnOlderBookingChangesNothing() {
        SeatChange change = SeatStatusRules.release(reservation, List.of(soldTo(otherReservation), available()));

        assertThat(change.isEmpty()).isTrue();
        assertThat(change.availableDelta()).isZero();
    }

    private static Seat available() {
        return new Seat(UUID.randomUUID(), SeatStatus.AVAILABLE, null);
    }

    private static Seat soldTo(UUID reservationId) {
        return new Seat(UUID.randomUUID(), SeatStatus.SOLD, reservationId);
    }
}
