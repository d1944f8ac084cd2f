package dev.tiketi.payment.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;

import static dev.tiketi.payment.core.PaymentStatus.FAILED;
import static dev.tiketi.payment.core.PaymentStatus.PENDING;
import static dev.tiketi.payment.core.PaymentStatus.REFUNDED;
import static dev.tiketi.payment.core.PaymentStatus.REFUND_PENDING;
import static dev.tiketi.payment.core.PaymentStatus.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentStatusTest {

    @Test
    void onlyTheSagasMovesAreAllowed() {
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PENDING::canMoveTo)).containsExactly(SUCCESS, FAILED);
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(SUCCESS::canMoveTo)).containsExactly(REFUND_PENDING);
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(REFUND_PENDING::canMoveTo)).containsExactly(REFUNDED);
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(FAILED::canMoveTo)).isEmpty();
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(REFUNDED::canMoveTo)).isEmpty();
    }

    @Test
    void backOffDoublesUpToItsCeiling() {
        Duration base = Duration.ofSeconds(2);
        Duration max = Duration.ofSeconds(30);
        assertThat(Backoff.after(1, base, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.after(2, base, max)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.after(4, base, max)).isEqualTo(Duration.ofSeconds(16));
        assertThat(Backoff.after(5, base, max)).isEqualTo(max);
        assertThat(Backoff.after(500, base, max)).isEqualTo(max);
        assertThat(Backoff.after(0, base, max)).isEqualTo(base);
    }
}
