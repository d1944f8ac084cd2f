package dev.tiketi.security;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Access tokens revoked before they expire, recorded as {@link TokenRevocation} describes. Entries live only
 * as long as a token they cover could, so the data never outgrows the live tokens. Each revocation is also
 * appended, in the same script (so never one without the other), to {@link RevocationMirror#STREAM}, from which
 * every service's {@link RevocationMirror} learns it within a second; while the mirror is current it answers
 * {@link #isRevoked} without a Redis round trip, otherwise Redis is asked.
 */
public class AccessTokenBlacklist {

    /** KEYS: the entry, the stream. ARGV: value, lifetime in ms, the stream's rough length cap, field/value pairs. */
    private static final RedisScript<Long> RECORD = RedisScript.of("""
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
            return 1
            """, Long.class);

    /**
     * Far more revocations than a reader polling twice a second can fall behind by; beyond it the oldest go, and a
     * reader that was away that long copies the keys again anyway.
     */
    private static final String STREAM_LENGTH = "100000";

    private final StringRedisTemplate redis;
    private final RevocationMirror mirror;

    /** Without a mirror: every check asks Redis. */
    public AccessTokenBlacklist(StringRedisTemplate redis) {
        this(redis, null);
    }

    public AccessTokenBlacklist(StringRedisTemplate redis, RevocationMirror mirror) {
        this.redis = redis;
        this.mirror = mirror;
    }

    public void revoke(String jti, Instant expiresAt) {
        Duration remaining = Duration.between(Instant.now(), expiresAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            record(TokenRevocation.TOKEN_PREFIX + jti, "1", remaining.plusSeconds(1), "jti", jti);
            if (mirror != null) {
                // the writer (user-service) must refuse the token at once, not after its next read
                mirror.learnToken(jti);
            }
        }
    }

    /**
     * Revokes every access token of the user issued before {@code cutoff} (whole seconds: {@code iat} has no
     * finer grain, so a token issued in the same second as the cutoff stays valid).
     *
     * @param longestTokenLifetime how long tokens live at most; after that no covered token is left
     */
    public void revokeAllIssuedBefore(String userId, Instant cutoff, Duration longestTokenLifetime) {
        String before = Long.toString(cutoff.getEpochSecond());
        record(TokenRevocation.USER_CUTOFF_PREFIX + userId, before, longestTokenLifetime.plusSeconds(1),
                "user", userId, "before", before);
        if (mirror != null) {
            mirror.learnCutoff(userId, before);
        }
    }

    public boolean isRevoked(String jti, String userId, Instant issuedAt) {
        if (mirror != null && mirror.isCurrent()) {
            return mirror.isRevoked(jti, userId, issuedAt);
        }
        return TokenRevocation.isRevoked(redis.opsForValue().multiGet(TokenRevocation.keys(jti, userId)), issuedAt);
    }

    private void record(String key, String value, Duration lifetime, String... fields) {
        String[] args = new String[3 + fields.length];
        args[0] = value;
        args[1] = Long.toString(lifetime.toMillis());
        args[2] = STREAM_LENGTH;
        System.arraycopy(fields, 0, args, 3, fields.length);
        redis.execute(RECORD, List.of(key, RevocationMirror.STREAM), (Object[]) args);
    }
}
