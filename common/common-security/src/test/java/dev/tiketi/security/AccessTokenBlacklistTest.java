package dev.tiketi.security;

import dev.tiketi.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenBlacklistTest {

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;
    private static AccessTokenBlacklist blacklist;

    @BeforeAll
    static void connect() {
        testRedis = TestRedis.connect();
        redis = testRedis.template();
        blacklist = new AccessTokenBlacklist(redis);
    }

    @AfterAll
    static void disconnect() {
        testRedis.close();
    }

    @Test
    void aRevokedTokenIsRevokedUntilItWouldHaveExpired() {
        String jti = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        Instant issued = Instant.now();
        assertThat(blacklist.isRevoked(jti, user, issued)).isFalse();

        blacklist.revoke(jti, Instant.now().plus(Duration.ofMinutes(10)));

        assertThat(blacklist.isRevoked(jti, user, issued)).isTrue();
        assertThat(blacklist.isRevoked(UUID.randomUUID().toString(), user, issued)).isFalse();
        assertThat(redis.getExpire(TokenRevocation.TOKEN_PREFIX + jti)).isBetween(590L, 601L);
    }

    @Test
    void anAlreadyExpiredTokenLeavesNoEntry() {
        String jti = UUID.randomUUID().toString();
        blacklist.revoke(jti, Instant.now().minusSeconds(5));
        assertThat(redis.hasKey(TokenRevocation.TOKEN_PREFIX + jti)).isFalse();
    }

    @Test
    void revokingAUsersTokensCoversEveryTokenIssuedBeforeTheCutoffAndNoLaterOne() {
        String user = UUID.randomUUID().toString();
        Instant cutoff = Instant.parse("2026-11-21T10:00:00.700Z");
        blacklist.revokeAllIssuedBefore(user, cutoff, Duration.ofMinutes(30));

        assertThat(blacklist.isRevoked("a", user, cutoff.minusSeconds(600))).isTrue();
        assertThat(blacklist.isRevoked("b", user, Instant.parse("2026-11-21T09:59:59Z"))).isTrue();
        assertThat(blacklist.isRevoked("c", user, Instant.parse("2026-11-21T10:00:00Z"))).isFalse();
        assertThat(blacklist.isRevoked("d", user, cutoff.plusSeconds(5))).isFalse();
        assertThat(blacklist.isRevoked("e", UUID.randomUUID().toString(), cutoff.minusSeconds(600))).isFalse();
        assertThat(redis.getExpire(TokenRevocation.USER_CUTOFF_PREFIX + user)).isBetween(1795L, 1801L);
    }
}
