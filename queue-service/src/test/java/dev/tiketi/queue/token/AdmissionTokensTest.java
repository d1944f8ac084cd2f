package dev.tiketi.queue.token;

import dev.tiketi.queue.admission.Admitted;
import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.support.QueueIntegrationTest;
import dev.tiketi.serviceauth.BuyerTokens;
import dev.tiketi.testsupport.TestServiceTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionTokensTest extends QueueIntegrationTest {

    /** What reservation-service checks a token with: nothing but the shared secret. */
    private static final BuyerTokens CHECKER = new BuyerTokens(TestServiceTokens.SECRET);

    @Autowired
    StringRedisTemplate redis;

    private Admitted admit(UUID event, UUID user) {
        assertThat(enter(event, user).statusCode()).isEqualTo(200);
        call("PUT", "/api/admin/queue/" + event + "/policy", tokens.admin(UUID.randomUUID()),
                "{\"type\":\"CAPACITY\",\"maxActive\":100}");
        return admissions.tick().stream().filter(a -> a.userId().equals(user)).findFirst().orElseThrow();
    }

    @Test
    void anAdmittedBuyerGetsOneSignedTokenForThemAndTheEventOnly() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        Admitted admitted = admit(event, user);
        String token = admitted.token();

        assertThat(token).startsWith("qr_").hasSizeLessThanOrEqualTo(64);
        assertThat(json(status(event, user), "$.admissionToken").toString()).as("status signs the same token")
                .isEqualTo(token);
        assertThat(json(enter(event, user), "$.admissionToken").toString()).isEqualTo(token);
        BuyerTokens.Check check = CHECKER.checkAdmission(token, user, event, Instant.now());
        assertThat(check.valid()).isTrue();
        assertThat(check.expiresAt()).isEqualTo(admitted.expiresAt())
                .isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(json(status(event, user), "$.admissionExpiresAt").toString()).isEqualTo(check.expiresAt().toString());
        assertThat(CHECKER.checkAdmission(token, UUID.randomUUID(), event, Instant.now()).valid()).isFalse();
        assertThat(CHECKER.checkAdmission(token, user, UUID.randomUUID(), Instant.now()).valid()).isFalse();
        assertThat(redis.opsForValue().get(QueueKeys.admitted(event, user))).as("Redis keeps the unsigned part")
                .isEqualTo(check.id() + "." + check.expiresAt().getEpochSecond());
    }

    @Test
    void leavingLeavesATombstoneForTheTokenWhileItCouldStillBeShown() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String token = admit(event, user).token();
        String tombstone = BuyerTokens.admissionRevokedKey(event,
                CHECKER.checkAdmission(token, user, event, Instant.now()).id());
        assertThat(redis.hasKey(tombstone)).isFalse();

        assertThat(leave(event, user).statusCode()).isEqualTo(204);

        assertThat(redis.hasKey(tombstone)).isTrue();
        assertThat(redis.getExpire(tombstone, TimeUnit.SECONDS)).as("the token's ten minutes and a minute's margin")
                .isBetween(650L, 660L);
        assertProblem(status(event, user), 404, "not-in-queue");
        assertThat(redis.opsForZSet().zCard(QueueKeys.active(event))).isZero();
    }

    @Test
    void releasingASlotEndsTheAdmissionAndRevokesItsToken() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String token = admit(event, user).token();

        var released = internal("reservation-service", "POST", "/internal/queue/" + event + "/slots/release",
                "{\"userId\":\"%s\"}".formatted(user));

        assertThat(released.statusCode()).isEqualTo(204);
        assertThat(redis.opsForZSet().zCard(QueueKeys.active(event))).isZero();
        assertThat(redis.hasKey(BuyerTokens.admissionRevokedKey(event,
                CHECKER.checkAdmission(token, user, event, Instant.now()).id()))).isTrue();
        assertThat(internal("reservation-service", "POST", "/internal/queue/" + event + "/slots/release",
                "{\"userId\":\"%s\"}".formatted(user)).statusCode()).as("twice is harmless").isEqualTo(204);
    }

    @Test
    void anAdmissionMarkerOfAnOlderVersionIsShownAsItIsRatherThanFailing() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        redis.opsForValue().set(QueueKeys.admitted(event, user), "qr_random-token-of-old", Duration.ofMinutes(5));

        var status = status(event, user);

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(json(status, "$.admissionToken").toString()).isEqualTo("qr_random-token-of-old");
        assertThat(leave(event, user).statusCode()).isEqualTo(204);
        assertProblem(status(event, user), 404, "not-in-queue");
    }

    @Test
    void noTokenEndpointsAreLeftAndSlotReleaseAnswersOnlyReservationService() {
        UUID event = UUID.randomUUID();
        String release = "{\"userId\":\"%s\"}".formatted(UUID.randomUUID());
        String validate = "{\"token\":\"qr_nothing\",\"userId\":\"%s\",\"eventId\":\"%s\"}".formatted(UUID.randomUUID(), event);
        assertThat(internal("reservation-service", "POST", "/internal/queue/tokens/validate", validate).statusCode())
                .isEqualTo(404);
        assertThat(internal("reservation-service", "POST", "/internal/queue/tokens/payment", validate).statusCode())
                .isEqualTo(404);
        assertProblem(internal("reservation-service", "POST", "/internal/queue/" + event + "/slots/release", "not json"),
                400, "malformed-request");
        assertProblem(internal("payment-service", "POST", "/internal/queue/" + event + "/slots/release", release),
                401, "authentication-required");
        assertProblem(call("POST", "/internal/queue/" + event + "/slots/release", null, release), 401,
                "authentication-required");
        assertProblem(call("POST", "/internal/queue/" + event + "/slots/release", tokens.admin(UUID.randomUUID()),
                release), 403, "access-denied");
    }
}
