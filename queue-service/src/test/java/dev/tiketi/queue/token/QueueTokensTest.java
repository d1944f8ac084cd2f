package dev.tiketi.queue.token;

import dev.tiketi.queue.admission.Admitted;
import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.support.QueueIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QueueTokensTest extends QueueIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    private String admit(UUID event, UUID user) {
        assertThat(enter(event, user).statusCode()).isEqualTo(200);
        call("PUT", "/api/admin/queue/" + event + "/policy", tokens.admin(UUID.randomUUID()),
                "{\"type\":\"CAPACITY\",\"maxActive\":100}");
        return admissions.tick().stream().filter(a -> a.userId().equals(user)).map(Admitted::token)
                .findFirst().orElseThrow();
    }

    private HttpResponse<String> validate(String token, UUID user, UUID event) {
        return internal("reservation-service", "POST", "/internal/queue/tokens/validate",
                "{\"token\":\"%s\",\"userId\":\"%s\",\"eventId\":\"%s\"}".formatted(token, user, event));
    }

    private HttpResponse<String> payment(String admissionToken, UUID user, UUID event) {
        return internal("reservation-service", "POST", "/internal/queue/tokens/payment",
                "{\"admissionToken\":\"%s\",\"userId\":\"%s\",\"eventId\":\"%s\"}".formatted(admissionToken, user, event));
    }

    private static String reason(HttpResponse<String> response) {
        assertThat(json(response, "$.valid").toString()).isEqualTo("false");
        return json(response, "$.reason");
    }

    @Test
    void anAdmissionTokenIsValidOnlyForItsUserAndEvent() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String token = admit(event, user);

        var ok = validate(token, user, event);
        assertThat(json(ok, "$.valid").toString()).isEqualTo("true");
        assertThat(json(ok, "$.kind").toString()).isEqualTo("ADMISSION");
        assertThat(json(ok, "$.expiresAt").toString()).endsWith("Z");
        assertThat(reason(validate(token, UUID.randomUUID(), event))).isEqualTo("wrong-user");
        assertThat(reason(validate(token, user, UUID.randomUUID()))).isEqualTo("wrong-event");
        assertThat(reason(validate("qr_made-up", user, event))).isEqualTo("expired-or-unknown");

        redis.delete(QueueKeys.token(token));
        assertThat(reason(validate(token, user, event))).as("expired").isEqualTo("expired-or-unknown");
    }

    @Test
    void paymentTokensNeedALiveAdmissionOfTheSameUserAndEvent() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String admission = admit(event, user);

        var issued = payment(admission, user, event);

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String paymentToken = json(issued, "$.paymentToken");
        assertThat(paymentToken).startsWith("qp_");
        assertThat(json(issued, "$.expiresAt").toString()).endsWith("Z");
        assertThat(json(validate(paymentToken, user, event), "$.kind").toString()).isEqualTo("PAYMENT");
        assertProblem(payment(admission, UUID.randomUUID(), event), 409, "admission-token-invalid");
        assertProblem(payment(admission, user, UUID.randomUUID()), 409, "admission-token-invalid");
        assertProblem(payment(paymentToken, user, event), 409, "admission-token-invalid");
        assertProblem(payment("qr_made-up", user, event), 409, "admission-token-invalid");
    }

    @Test
    void aPaymentTokenRedisLostIsRestoredUntilItsOwnExpiryButNeverOverwrittenOrRevived() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String paymentToken = json(payment(admit(event, user), user, event), "$.paymentToken");
        Instant expiresAt = Instant.now().plusSeconds(120);
        redis.delete(QueueKeys.token(paymentToken));
        assertThat(reason(validate(paymentToken, user, event))).isEqualTo("expired-or-unknown");

        assertThat(json(restore(paymentToken, user, event, expiresAt), "$.outcome").toString()).isEqualTo("restored");

        var check = validate(paymentToken, user, event);
        assertThat(json(check, "$.kind").toString()).isEqualTo("PAYMENT");
        assertThat(redis.getExpire(QueueKeys.token(paymentToken))).isBetween(100L, 120L);
        assertThat(json(restore(paymentToken, UUID.randomUUID(), event, expiresAt), "$.outcome").toString())
                .as("a token Redis still has is left alone").isEqualTo("present");
        assertThat(json(validate(paymentToken, user, event), "$.valid").toString()).isEqualTo("true");

        internal("reservation-service", "POST", "/internal/queue/tokens/revoke", "{\"token\":\"%s\"}".formatted(paymentToken));
        assertThat(json(restore(paymentToken, user, event, expiresAt), "$.outcome").toString()).isEqualTo("revoked");
        assertThat(reason(validate(paymentToken, user, event))).isEqualTo("revoked");
        assertProblem(restore("qr_not-a-payment-token", user, event, expiresAt), 400, "validation-failed");
        assertProblem(restore(paymentToken, user, event, Instant.now().minusSeconds(1)), 400, "validation-failed");
    }

    private HttpResponse<String> restore(String paymentToken, UUID user, UUID event, Instant expiresAt) {
        return internal("reservation-service", "POST", "/internal/queue/tokens/payment/restore",
                "{\"paymentToken\":\"%s\",\"userId\":\"%s\",\"eventId\":\"%s\",\"expiresAt\":\"%s\"}"
                        .formatted(paymentToken, user, event, expiresAt));
    }

    @Test
    void revokingAnAdmissionEndsItAndFreesTheSlot() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String token = admit(event, user);

        var revoked = internal("reservation-service", "POST", "/internal/queue/tokens/revoke", "{\"token\":\"%s\"}".formatted(token));

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(reason(validate(token, user, event))).isEqualTo("revoked");
        assertProblem(payment(token, user, event), 409, "admission-token-invalid");
        assertProblem(status(event, user), 404, "not-in-queue");
        assertThat(redis.opsForZSet().zCard(QueueKeys.active(event))).isZero();
    }

    @Test
    void releasingASlotEndsTheAdmission() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String token = admit(event, user);

        var released = internal("reservation-service", "POST", "/internal/queue/" + event + "/slots/release",
                "{\"userId\":\"%s\"}".formatted(user));

        assertThat(released.statusCode()).isEqualTo(204);
        assertThat(redis.opsForZSet().zCard(QueueKeys.active(event))).isZero();
        assertThat(reason(validate(token, user, event))).isEqualTo("expired-or-unknown");
    }

    @Test
    void badRequestsAre400s() {
        assertProblem(internal("reservation-service", "POST", "/internal/queue/tokens/validate", "{\"token\":\"\"}"), 400, "validation-failed");
        assertProblem(internal("reservation-service", "POST", "/internal/queue/tokens/validate",
                "{\"token\":\"%s\",\"userId\":\"%s\",\"eventId\":\"%s\"}".formatted("x".repeat(65), UUID.randomUUID(),
                        UUID.randomUUID())), 400, "validation-failed");
        assertProblem(internal("reservation-service", "POST", "/internal/queue/tokens/revoke", "not json"), 400, "malformed-request");
    }

    @Test
    void eachInternalEndpointAnswersOnlyItsCallers() {
        UUID event = UUID.randomUUID();
        String validate = "{\"token\":\"qr_nothing\",\"userId\":\"%s\",\"eventId\":\"%s\"}".formatted(UUID.randomUUID(), event);
        String release = "{\"userId\":\"%s\"}".formatted(UUID.randomUUID());
        assertThat(internal("payment-service", "POST", "/internal/queue/tokens/validate", validate).statusCode()).isEqualTo(200);
        assertProblem(internal("payment-service", "POST", "/internal/queue/" + event + "/slots/release", release),
                401, "authentication-required");
        assertProblem(internal("event-service", "POST", "/internal/queue/tokens/validate", validate), 401,
                "authentication-required");
        assertProblem(call("POST", "/internal/queue/" + event + "/slots/release", null, release), 401,
                "authentication-required");
        assertProblem(call("POST", "/internal/queue/" + event + "/slots/release", tokens.admin(UUID.randomUUID()),
                release), 403, "access-denied");
    }
}
