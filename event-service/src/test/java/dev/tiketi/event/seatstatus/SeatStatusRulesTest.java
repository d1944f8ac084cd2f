package dev.tiketi.event.seatstatus;

import dev.tiketi.event.seatstatus.SeatStatusRules.EventStatus;
import dev.tiketi.event.seatstatus.SeatStatusRules.Sale;
import dev.tiketi.event.seatstatus.SeatStatusRules.Seat;
import dev.tiketi.event.seatstatus.SeatStatusRules.SeatChange;
import dev.tiketi.event.seatstatus.SeatStatusRules.SeatStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    @Test
    void sellingTheLastSeatSellsOut() {
        assertThat(SeatStatusRules.statusAfter(sale(EventStatus.ON_SALE, SALE_START, SALE_END), 0, NOW))
                .isEqualTo(EventStatus.SOLD_OUT);
        assertThat(SeatStatusRules.statusAfter(sale(EventStatus.ON_SALE, SALE_START, SALE_END), 1, NOW))
                .isEqualTo(EventStatus.ON_SALE);
    }

    @Test
    void seatsBackDuringTheSaleReopenIt() {
        assertThat(SeatStatusRules.statusAfter(sale(EventStatus.SOLD_OUT, SALE_START, SALE_END), 1, NOW))
                .isEqualTo(EventStatus.ON_SALE);
        assertThat(SeatStatusRules.statusAfter(sale(EventStatus.SOLD_OUT, NOW, SALE_END), 1, NOW))
                .as("the sale period includes its first instant").isEqualTo(EventStatus.ON_SALE);
    }

    @Test
    void seatsBackOutsideTheSaleLeaveItSoldOut() {
        assertThat(SeatStatusRules.statusAfter(sale(EventStatus.SOLD_OUT, SALE_START, NOW), 1, NOW))
                .as("the sale period excludes its end").isEqualTo(EventStatus.SOLD_OUT);
        assertThat(SeatStatusRules.statusAfter(
                sale(EventStatus.SOLD_OUT, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))), 3, NOW))
                .isEqualTo(EventStatus.SOLD_OUT);
        assertThat(SeatStatusRules.statusAfter(
                sale(EventStatus.SOLD_OUT, NOW.plusSeconds(1), SALE_END), 3, NOW))
                .isEqualTo(EventStatus.SOLD_OUT);
    }

    @ParameterizedTest
    @EnumSource(value = EventStatus.class, names = {"UPCOMING", "ENDED", "CANCELLED"})
    void bookingsNeverMoveOtherStatuses(EventStatus status) {
        assertThat(SeatStatusRules.statusAfter(sale(status, SALE_START, SALE_END), 0, NOW)).isEqualTo(status);
        assertThat(SeatStatusRules.statusAfter(sale(status, SALE_START, SALE_END), 5, NOW)).isEqualTo(status);
    }

    private static Sale sale(EventStatus status, Instant startsAt, Instant endsAt) {
        return new Sale(status, 0, startsAt, endsAt);
    }

    private static Seat available() {
        return new Seat(UUID.randomUUID(), SeatStatus.AVAILABLE, null);
    }

    private static Seat soldTo(UUID reservationId) {
        return new Seat(UUID.randomUUID(), SeatStatus.SOLD, reservationId);
    }
}
