package dev.tiketi.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);

    private static Jwt token(String value, Instant expiresAt) {
        return Jwt.withTokenValue(value).header("alg", "RS256").subject("u").jti("j")
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpiresPlusTheClockSkewAndNoLonger() {
        Jwt jwt = token("a.b.c", NOW.plus(Duration.ofMinutes(5)));
        cache.put(jwt);
        assertThat(cache.get("a.b.c")).isSameAs(jwt);

        now.set(NOW.plus(Duration.ofMinutes(5)).plus(VerifiedTokenCache.CLOCK_SKEW).minusMillis(1));
        assertThat(cache.get("a.b.c")).isSameAs(jwt);
        now.set(NOW.plus(Duration.ofMinutes(5)).plus(VerifiedTokenCache.CLOCK_SKEW));
        assertThat(cache.get("a.b.c")).isNull();
    }

    @Test
    void onlyTheExactTokenHits() {
        cache.put(token("a.b.c", NOW.plus(Duration.ofMinutes(5))));
        assertThat(cache.get("a.b.C")).isNull();
        assertThat(cache.get("a.b.c ")).isNull();
        assertThat(cache.get("a.b")).isNull();
    }

    @Test
    void aTokenPastItsLifeIsNotRemembered() {
        cache.put(token("old.b.c", NOW.minus(VerifiedTokenCache.CLOCK_SKEW)));
        assertThat(cache.get("old.b.c")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < 1_000; i++) {
            cache.put(token("t" + i + ".b.c", NOW.plus(Duration.ofMinutes(5))));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
}
