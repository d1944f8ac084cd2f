package dev.tiketi.reservation.queue;

import dev.tiketi.testsupport.TestServiceTokens;
import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate asks nobody: with queue-service unreachable, admissions are checked and payment tokens issued. */
class QueueGateTest {

    private final UUID user = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-12-06T12:00:00Z");
    private final QueueGate gate = new QueueGate("http://127.0.0.1:1", TestServiceTokens.credentials("reservation-service"),
            TestServiceTokens.buyerTokens(), Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));

    private String admission(UUID userId, UUID eventId, Instant expiresAt) {
        var tokens = TestServiceTokens.buyerTokens();
        return tokens.admission(tokens.newId(), expiresAt.getEpochSecond(), userId, eventId);
    }

    @Test
    void anAdmittedBuyerPassesWithoutACallAndGetsAPaymentTokenForTheReservation() {
        String token = admission(user, event, now.plusSeconds(600));

        QueueGate.Admission admission = gate.requireAdmission(token, user, event);

        assertThat(admission.revokedKey()).isEqualTo("queue:revoked:{" + event + "}:" + token.substring(3, 19));
        UUID reservation = UUID.randomUUID();
        QueueGate.PaymentToken payment = gate.issuePaymentToken(user, event, reservation);
        assertThat(payment.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(10)));
        assertThat(TestServiceTokens.buyerTokens().checkPayment(payment.paymentToken(), user, event, reservation,
                now).valid()).isTrue();
    }

    @Test
    void anExpiredForeignOrForgedAdmissionIs403() {
        for (String token : new String[] {admission(user, event, now), admission(UUID.randomUUID(), event, now.plusSeconds(60)),
                admission(user, UUID.randomUUID(), now.plusSeconds(60)), "qr_made-up", null}) {
            assertThatThrownBy(() -> gate.requireAdmission(token, user, event)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status().value()).isEqualTo(403);
                assertThat(e.code()).isEqualTo("admission-token-invalid");
            });
        }
    }

    @Test
    void anUnreachableQueueServiceNeverFailsASlotRelease() {
        assertThatCode(() -> gate.releaseSlot(event, user)).doesNotThrowAnyException();
    }
}
