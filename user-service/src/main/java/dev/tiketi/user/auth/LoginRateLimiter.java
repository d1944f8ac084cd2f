package dev.tiketi.user.auth;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fixed-window counters of login attempts per client IP and per account, shared by every instance through
 * Redis. Counting and starting the window happen in one script, so a crash between INCR and EXPIRE can
 * never leave a counter that never resets.
 */
@Component
class LoginRateLimiter {

    static final String KEY_PREFIX = "auth:login:";

    private static final RedisScript<List> HIT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}""", List.class);

    private final StringRedisTemplate redis;
    private final AuthProperties.RateLimits limits;

    LoginRateLimiter(StringRedisTemplate redis, AuthProperties properties) {
        this.redis = redis;
        this.limits = properties.rateLimits();
    }

    /** Counts an attempt from {@code ip}; the time until the window resets if the limit is exceeded. */
    Optional<Duration> hitIp(String ip) {
        return hit(KEY_PREFIX + "ip:" + ip, limits.perIp());
    }

    /** Counts an attempt on {@code email}, keyed by its hash so that Redis holds no addresses. */
    Optional<Duration> hitAccount(String email) {
        return hit(KEY_PREFIX + "account:" + sha256(email.trim().toLowerCase(Locale.ROOT)), limits.perAccount());
    }

    private Optional<Duration> hit(String key, AuthProperties.Limit limit) {
        @SuppressWarnings("unchecked")
        List<Long> result = redis.execute(HIT, List.of(key), Long.toString(limit.window().toMillis()));
        long count = result.get(0);
        long ttlMillis = result.get(1);
        return count > limit.attempts() ? Optional.of(Duration.ofMillis(ttlMillis)) : Optional.empty();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
