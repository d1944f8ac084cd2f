package dev.tiketi.payment.saga;

import dev.tiketi.payment.core.Payment;
import dev.tiketi.payment.core.PaymentStatus;
import dev.tiketi.payment.core.TestPayments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RefundRulesTest {

    private final UUID reservation = UUID.randomUUID();

    @Test
    void aCancelledBookingRefundsItsSuccessfulPayment() {
        Payment failed = TestPayments.payment(reservation, PaymentStatus.FAILED, 1000);
        Payment success = TestPayments.payment(reservation, PaymentStatus.SUCCESS, 1000);

        assertThat(RefundRules.forCancelledBooking(reservation, List.of(failed, success)))
                .isEqualTo(new RefundRules.Refund(success.id()));
    }

    @Test
    void aCancelledBookingAlreadyBeingRefundedChangesNothing() {
        Payment refunding = TestPayments.payment(reservation, PaymentStatus.REFUND_PENDING, 1000);
        Payment refunded = TestPayments.payment(reservation, PaymentStatus.REFUNDED, 1000);

        assertThat(RefundRules.forCancelledBooking(reservation, List.of(refunding)))
                .isEqualTo(new RefundRules.AlreadyRefunding(refunding.id()));
        assertThat(RefundRules.forCancelledBooking(reservation, List.of(refunded)))
                .isEqualTo(new RefundRules.AlreadyRefunding(refunded.id()));
    }

    @Test
    void aCancelledBookingWithoutAChargeIsInconsistent() {
        assertThat(RefundRules.forCancelledBooking(reservation, List.of()))
                .isInstanceOf(RefundRules.Inconsistent.class);
        assertThat(RefundRules.forCancelledBooking(reservation,
                List.of(TestPayments.payment(reservation, PaymentStatus.FAILED, 1))))
                .isInstanceOf(RefundRules.Inconsistent.class);
    }

    @Test
    void aRejectedPaymentIsRefundedOnceAndOnlyIfItWasCharged() {
        Payment success = TestPayments.payment(reservation, PaymentStatus.SUCCESS, 1000);
        assertThat(RefundRules.forRejectedPayment(reservation, success.id(), Optional.of(success)))
                .isEqualTo(new RefundRules.Refund(success.id()));

        Payment refunding = TestPayments.payment(reservation, PaymentStatus.REFUND_PENDING, 1000);
        assertThat(RefundRules.forRejectedPayment(reservation, refunding.id(), Optional.of(refunding)))
                .isEqualTo(new RefundRules.AlreadyRefunding(refunding.id()));

        for (PaymentStatus uncharged : List.of(PaymentStatus.PENDING, PaymentStatus.FAILED)) {
            Payment payment = TestPayments.payment(reservation, uncharged, 1000);
            assertThat(RefundRules.forRejectedPayment(reservation, payment.id(), Optional.of(payment)))
                    .isInstanceOf(RefundRules.Inconsistent.class);
        }
    }

    @Test
    void aRejectionNamingAnUnknownOrForeignPaymentIsInconsistent() {
        assertThat(RefundRules.forRejectedPayment(reservation, UUID.randomUUID(), Optional.empty()))
                .isInstanceOf(RefundRules.Inconsistent.class);
        Payment others = TestPayments.payment(UUID.randomUUID(), PaymentStatus.SUCCESS, 1000);
        assertThat(RefundRules.forRejectedPayment(reservation, others.id(), Optional.of(others)))
                .isInstanceOf(RefundRules.Inconsistent.class);
    }
}
