package dev.tiketi.security;

import dev.tiketi.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service learns a revocation written by user-service (another process: another blacklist here) within 2 s,
 * from memory, whether it was running, starting or catching up after it could not read for a while.
 */
class RevocationMirrorTest {

    /** What the issue promises; the defaults (poll 500 ms, max staleness 1.5 s) keep well within it. */
    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final RevocationSettings DEFAULTS =
            new RevocationSettings(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofMinutes(5));

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;
    /** user-service's side: writes revocations. */
    private static AccessTokenBlacklist writer;

    private RevocationMirror mirror;

    @BeforeAll
    static void connect() {
        testRedis = TestRedis.connect();
        redis = testRedis.template();
        writer = new AccessTokenBlacklist(redis);
    }

    @AfterAll
    static void disconnect() {
        testRedis.close();
    }

    @AfterEach
    void stopMirror() {
        if (mirror != null) {
            mirror.stop();
        }
    }

    private RevocationMirror mirror() {
        return new RevocationMirror(redis, DEFAULTS);
    }

    @Test
    void aRunningServiceLearnsALogoutWithinTwoSecondsAndAnswersFromMemory() {
        mirror = mirror();
        mirror.start();
        awaitWithin(Duration.ofSeconds(5), mirror::isCurrent);
        String jti = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        Instant issued = Instant.now();
        assertThat(mirror.isRevoked(jti, user, issued)).isFalse();

        writer.revoke(jti, Instant.now().plus(Duration.ofMinutes(10)));
        long took = awaitWithin(BOUND, () -> mirror.isRevoked(jti, user, issued));

        assertThat(took).isLessThan(BOUND.toMillis());
        assertThat(mirror.isCurrent()).isTrue();
        AccessTokenBlacklist service = new AccessTokenBlacklist(redis, mirror);
        assertThat(service.isRevoked(jti, user, issued)).isTrue();
        assertThat(service.isRevoked(UUID.randomUUID().toString(), user, issued)).isFalse();
    }

    @Test
    void aRunningServiceLearnsAUsersCutoffWithinTwoSecondsWithTheSameSecondRule() {
        mirror = mirror();
        mirror.start();
        awaitWithin(Duration.ofSeconds(5), mirror::isCurrent);
        String user = UUID.randomUUID().toString();
        Instant cutoff = Instant.parse("2026-11-21T10:00:00.700Z");

        writer.revokeAllIssuedBefore(user, cutoff, Duration.ofMinutes(30));
        long took = awaitWithin(BOUND, () -> mirror.isRevoked("a", user, cutoff.minusSeconds(600)));

        assertThat(took).isLessThan(BOUND.toMillis());
        assertThat(mirror.isRevoked("b", user, Instant.parse("2026-11-21T09:59:59Z"))).isTrue();
        assertThat(mirror.isRevoked("c", user, Instant.parse("2026-11-21T10:00:00Z"))).isFalse();
        assertThat(mirror.isRevoked("d", user, cutoff.plusSeconds(5))).isFalse();
        assertThat(mirror.isRevoked("e", UUID.randomUUID().toString(), cutoff.minusSeconds(600))).isFalse();
    }

    @Test
    void theServiceThatRevokesRefusesTheTokenAtOnce() {
        mirror = mirror();
        mirror.sync();
        AccessTokenBlacklist userService = new AccessTokenBlacklist(redis, mirror);
        String jti = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();

        userService.revoke(jti, Instant.now().plus(Duration.ofMinutes(10)));
        userService.revokeAllIssuedBefore(user, Instant.now(), Duration.ofMinutes(30));

        assertThat(mirror.isCurrent()).isTrue();
        assertThat(userService.isRevoked(jti, "u", Instant.now())).isTrue();
        assertThat(userService.isRevoked("other", user, Instant.now().minusSeconds(60))).isTrue();
    }

    @Test
    void aStartingServiceKnowsEveryRevocationMadeBeforeIt() {
        String jti = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        writer.revoke(jti, Instant.now().plus(Duration.ofMinutes(10)));
        writer.revokeAllIssuedBefore(user, Instant.now(), Duration.ofMinutes(30));

        mirror = mirror();
        mirror.sync();

        assertThat(mirror.isCurrent()).isTrue();
        assertThat(mirror.isRevoked(jti, UUID.randomUUID().toString(), Instant.now())).isTrue();
        assertThat(mirror.isRevoked("other", user, Instant.now().minusSeconds(60))).isTrue();
    }

    @Test
    void aServiceThatCouldNotReadForAWhileAsksRedisThenCatchesUp() throws InterruptedException {
        mirror = mirror();
        mirror.sync();
        AccessTokenBlacklist service = new AccessTokenBlacklist(redis, mirror);
        Thread.sleep(DEFAULTS.maxStaleness().toMillis() + 100);

        // no read for longer than the bound: the mirror may have missed something, so Redis answers
        assertThat(mirror.isCurrent()).isFalse();
        String jti = UUID.randomUUID().toString();
        writer.revoke(jti, Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(mirror.isRevoked(jti, "u", Instant.now())).isFalse();
        assertThat(service.isRevoked(jti, "u", Instant.now())).isTrue();

        // reading again (reconnected): a full copy, and the missed revocation is known from memory
        mirror.start();
        long took = awaitWithin(BOUND, () -> mirror.isCurrent() && mirror.isRevoked(jti, "u", Instant.now()));
        assertThat(took).isLessThan(BOUND.toMillis());
    }

    @Test
    void aMirrorThatCannotReachRedisNeverAnswers() {
        try (TestRedis dead = TestRedis.unreachable()) {
            RevocationMirror unreachable = new RevocationMirror(dead.template(), DEFAULTS);
            unreachable.sync();
            assertThat(unreachable.isCurrent()).isFalse();
        }
    }

    /** Milliseconds until {@code condition} held; fails if it did not within {@code limit}. */
    private static long awaitWithin(Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsed).as("waited for the condition").isLessThan(limit.toMillis());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
