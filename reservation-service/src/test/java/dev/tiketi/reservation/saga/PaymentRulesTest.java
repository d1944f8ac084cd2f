package dev.tiketi.reservation.saga;

import dev.tiketi.reservation.booking.EventSnapshot;
import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservedSeat;
import dev.tiketi.reservation.saga.PaymentRules.AlreadyConfirmed;
import dev.tiketi.reservation.saga.PaymentRules.Confirm;
import dev.tiketi.reservation.saga.PaymentRules.Reject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentRulesTest {

    private static final Instant HELD_AT = Instant.parse("2030-03-01T10:00:00Z");
    private static final Instant HOLD_END = HELD_AT.plus(Duration.ofMinutes(5));
    private final UUID payment = UUID.randomUUID();
    private final Reservation pending = Reservation.hold(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            new EventSnapshot("Concert", "Venue", "Hall", HELD_AT.plus(Duration.ofDays(10)), HELD_AT.plus(Duration.ofDays(10))),
            List.of(new ReservedSeat(UUID.randomUUID(), "A", "1", 1, "VIP", 150_000)), HELD_AT, Duration.ofMinutes(5));

    @Test
    void aPaymentOfTheTotalApprovedUpToTheEndOfTheHoldConfirms() {
        assertThat(PaymentRules.onSucceeded(pending, payment, 150_000, HOLD_END)).isEqualTo(new Confirm());
        assertThat(PaymentRules.onSucceeded(pending, payment, 150_000, HELD_AT.plusSeconds(1))).isEqualTo(new Confirm());
    }

    @Test
    void aPaymentApprovedAfterTheHoldEndedExpiresItFirst() {
        assertThat(PaymentRules.onSucceeded(pending, payment, 150_000, HOLD_END.plusMillis(1)))
                .isEqualTo(new Reject(PaymentRules.RESERVATION_EXPIRED, true));
    }

    @Test
    void aPaymentOfAnotherAmountIsRejectedAndTheHoldStays() {
        assertThat(PaymentRules.onSucceeded(pending, payment, 149_999, HELD_AT))
                .isEqualTo(new Reject(PaymentRules.AMOUNT_MISMATCH, false));
    }

    @Test
    void aReservationNoLongerPendingRejectsEveryOtherPayment() {
        Reservation confirmed = pending.confirm(payment, HELD_AT.plusSeconds(30));
        assertThat(PaymentRules.onSucceeded(confirmed, payment, 150_000, HELD_AT)).isEqualTo(new AlreadyConfirmed());
        assertThat(PaymentRules.onSucceeded(confirmed, UUID.randomUUID(), 150_000, HELD_AT))
                .isEqualTo(new Reject(PaymentRules.RESERVATION_ALREADY_PAID, false));
        assertThat(PaymentRules.onSucceeded(pending.expire(HOLD_END), payment, 150_000, HELD_AT))
                .isEqualTo(new Reject(PaymentRules.RESERVATION_EXPIRED, false));
        assertThat(PaymentRules.onSucceeded(pending.release(HELD_AT), payment, 150_000, HELD_AT))
                .isEqualTo(new Reject(PaymentRules.RESERVATION_CANCELLED, false));
        assertThat(PaymentRules.onSucceeded(pending.paymentFailed(HELD_AT).refunded(HELD_AT), payment, 150_000, HELD_AT))
                .isEqualTo(new Reject(PaymentRules.RESERVATION_CANCELLED, false));
    }

    @Test
    void onlyAPendingHoldIsCancelledByAFailedPayment() {
        assertThat(PaymentRules.failureCancels(pending)).isTrue();
        assertThat(PaymentRules.failureCancels(pending.confirm(payment, HELD_AT))).isFalse();
        assertThat(PaymentRules.failureCancels(pending.expire(HOLD_END))).isFalse();
    }
}
