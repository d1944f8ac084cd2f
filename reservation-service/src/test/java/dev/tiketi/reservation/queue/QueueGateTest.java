package dev.tiketi.reservation.queue;

import dev.tiketi.reservation.support.Upstreams;
import dev.tiketi.testsupport.TestServiceTokens;
import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueGateTest {

    private final Upstreams upstreams = Upstreams.instance();
    private final UUID user = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();

    @Test
    void anAdmittedBuyerPassesAndGetsAPaymentToken() {
        var gate = new QueueGate(upstreams.baseUrl(), TestServiceTokens.credentials("reservation-service"));
        String admission = upstreams.admit(user, event);

        gate.requireAdmission(admission, user, event);
        assertThat(gate.issuePaymentToken(admission, user, event).paymentToken()).startsWith("qp_");

        upstreams.endAdmission(admission);
        assertThatThrownBy(() -> gate.issuePaymentToken(admission, user, event)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("admission-token-invalid"));
    }

    @Test
    void anUnreachableQueueServiceRefusesHoldsWith503ButNeverFailsASlotRelease() {
        var gate = new QueueGate("http://127.0.0.1:1", TestServiceTokens.credentials("reservation-service"));

        assertThatThrownBy(() -> gate.requireAdmission("qr_x", user, event)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("queue-service-unavailable");
        });
        assertThatCode(() -> gate.releaseSlot(event, user)).doesNotThrowAnyException();
    }
}
