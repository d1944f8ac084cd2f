package dev.tiketi.reservation.booking;

import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationTest {

    private static final Instant NOW = Instant.parse("2030-03-01T10:00:00Z");
    private static final ReservedSeat A1 = new ReservedSeat(UUID.randomUUID(), "A", "1", 1, "VIP", 150_000);
    private static final ReservedSeat A2 = new ReservedSeat(UUID.randomUUID(), "A", "1", 2, "VIP", 150_000);
    private static final ReservedSeat B1 = new ReservedSeat(UUID.randomUUID(), "B", "1", 1, "R", 99_000);
    private final Reservation pending = Reservation.hold(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            new EventSnapshot("Concert", "Venue", "Hall", NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10))),
            List.of(A1, A2), NOW, Duration.ofMinutes(5));

    @Test
    void aHoldIsPendingForItsTtlWithTheSumOfItsSeatPrices() {
        assertThat(pending.status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(pending.totalAmount()).isEqualTo(300_000);
        assertThat(pending.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(pending.version()).isEqualTo(1);
        assertThat(pending.status().live()).isTrue();
    }

    @Test
    void changingSeatsKeepsTheExpiryRecomputesTheTotalAndBumpsTheVersion() {
        Reservation changed = pending.changeSeats(List.of(A2, B1), NOW.plusSeconds(60));

        assertThat(changed.seatIds()).containsExactly(A2.seatId(), B1.seatId());
        assertThat(changed.totalAmount()).isEqualTo(249_000);
        assertThat(changed.holdExpiresAt()).isEqualTo(pending.holdExpiresAt());
        assertThat(changed.version()).isEqualTo(2);
        assertThatThrownBy(() -> pending.changeSeats(List.of(B1), pending.holdExpiresAt()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("hold-expired"));
    }

    @Test
    void everyStateChangeBumpsTheVersionAndSaysWhetherTheSeatsAreLive() {
        Reservation confirmed = pending.confirm(UUID.randomUUID(), NOW.plusSeconds(30));
        Reservation cancelled = confirmed.cancelBooking(NOW.plusSeconds(60));
        Reservation refunded = cancelled.refunded(NOW.plusSeconds(90));

        assertThat(List.of(confirmed, cancelled, refunded)).extracting(Reservation::version).containsExactly(2L, 3L, 4L);
        assertThat(confirmed.status().live()).isTrue();
        assertThat(cancelled.status().live()).isFalse();
        assertThat(cancelled.wasConfirmed()).isTrue();
        assertThat(cancelled.cancelReason()).isEqualTo(Reservation.USER_CANCELLED);
        assertThat(refunded.status()).isEqualTo(ReservationStatus.REFUNDED);
        assertThat(refunded.cancelReason()).as("kept").isEqualTo(Reservation.USER_CANCELLED);
        assertThat(pending.expire(NOW).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(pending.release(NOW).cancelReason()).isEqualTo(Reservation.USER_RELEASED);
        assertThat(pending.paymentFailed(NOW).wasConfirmed()).isFalse();
    }

    @Test
    void aRefundOfAReservationThatWasNeverConfirmedIsOnlyRecorded() {
        Reservation released = pending.release(NOW);
        Reservation refunded = released.refunded(NOW.plusSeconds(10));

        assertThat(refunded.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(refunded.version()).isEqualTo(released.version());
        assertThat(refunded.timeline().refundedAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void theBuyerMayReleaseOnlyAHoldAndCancelOnlyABooking() {
        assertThatThrownBy(() -> pending.cancelBooking(NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("reservation-not-confirmed"));
        Reservation confirmed = pending.confirm(UUID.randomUUID(), NOW);
        assertThatThrownBy(() -> confirmed.release(NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("reservation-not-pending"));
        assertThatThrownBy(() -> confirmed.cancelBooking(NOW.plus(Duration.ofDays(10))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("cancellation-closed"));
    }
}
