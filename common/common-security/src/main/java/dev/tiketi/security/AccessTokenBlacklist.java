package dev.tiketi.security;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens revoked before they expire (logout, withdrawal, password change), by {@code jti}. An entry
 * lives exactly as long as the token would have, so the set never outgrows the live tokens.
 */
public class AccessTokenBlacklist {

    public static final String KEY_PREFIX = "auth:blacklist:";

    private final StringRedisTemplate redis;

    public AccessTokenBlacklist(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void revoke(String jti, Instant expiresAt) {
        Duration remaining = Duration.between(Instant.now(), expiresAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            redis.opsForValue().set(KEY_PREFIX + jti, "1", remaining.plusSeconds(1));
        }
    }

    public boolean isRevoked(String jti) {
        return Boolean.TRUE.equals(redis.hasKey(KEY_PREFIX + jti));
    }
}
