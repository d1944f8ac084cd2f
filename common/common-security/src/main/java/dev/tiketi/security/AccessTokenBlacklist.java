package dev.tiketi.security;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens revoked before they expire, recorded as {@link TokenRevocation} describes. Entries live only
 * as long as a token they cover could, so the data never outgrows the live tokens.
 */
public class AccessTokenBlacklist {

    private final StringRedisTemplate redis;

    public AccessTokenBlacklist(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void revoke(String jti, Instant expiresAt) {
        Duration remaining = Duration.between(Instant.now(), expiresAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            redis.opsForValue().set(TokenRevocation.TOKEN_PREFIX + jti, "1", remaining.plusSeconds(1));
        }
    }

    /**
     * Revokes every access token of the user issued before {@code cutoff} (whole seconds: {@code iat} has no
     * finer grain, so a token issued in the same second as the cutoff stays valid).
     *
     * @param longestTokenLifetime how long tokens live at most; after that no covered token is left
     */
    public void revokeAllIssuedBefore(String userId, Instant cutoff, Duration longestTokenLifetime) {
        redis.opsForValue().set(TokenRevocation.USER_CUTOFF_PREFIX + userId, Long.toString(cutoff.getEpochSecond()),
                longestTokenLifetime.plusSeconds(1));
    }

    public boolean isRevoked(String jti, String userId, Instant issuedAt) {
        return TokenRevocation.isRevoked(redis.opsForValue().multiGet(TokenRevocation.keys(jti, userId)), issuedAt);
    }
}
