package dev.tiketi.security;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Access tokens revoked before they expire. One token by its {@code jti} (logout); or every token of a user
 * issued before a moment (password change, withdrawal), so that sessions on other devices end too. Entries
 * live only as long as a token they cover could, so the data never outgrows the live tokens. Both are read
 * in one round trip.
 */
public class AccessTokenBlacklist {

    public static final String TOKEN_PREFIX = "auth:blacklist:";
    public static final String USER_CUTOFF_PREFIX = "auth:revoked-before:";

    private final StringRedisTemplate redis;

    public AccessTokenBlacklist(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void revoke(String jti, Instant expiresAt) {
        Duration remaining = Duration.between(Instant.now(), expiresAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            redis.opsForValue().set(TOKEN_PREFIX + jti, "1", remaining.plusSeconds(1));
        }
    }

    /**
     * Revokes every access token of the user issued before {@code cutoff} (whole seconds: {@code iat} has no
     * finer grain, so a token issued in the same second as the cutoff stays valid).
     *
     * @param longestTokenLifetime how long tokens live at most; after that no covered token is left
     */
    public void revokeAllIssuedBefore(String userId, Instant cutoff, Duration longestTokenLifetime) {
        redis.opsForValue().set(USER_CUTOFF_PREFIX + userId, Long.toString(cutoff.getEpochSecond()),
                longestTokenLifetime.plusSeconds(1));
    }

    public boolean isRevoked(String jti, String userId, Instant issuedAt) {
        List<String> entries = redis.opsForValue().multiGet(List.of(TOKEN_PREFIX + jti, USER_CUTOFF_PREFIX + userId));
        if (entries == null) {
            return false;
        }
        if (entries.get(0) != null) {
            return true;
        }
        String cutoff = entries.get(1);
        return cutoff != null && issuedAt != null && issuedAt.getEpochSecond() < Long.parseLong(cutoff);
    }
}
