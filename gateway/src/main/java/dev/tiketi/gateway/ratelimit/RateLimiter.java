package dev.tiketi.gateway.ratelimit;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * Fixed-window counters in Redis, shared by every gateway replica. The window starts with a client's first
 * request, so "10 per minute" means exactly that from the client's point of view, and the key's remaining
 * lifetime is the honest Retry-After. One script call per check: increment, set the expiry, read it back.
 */
@Component
class RateLimiter {

    private static final RedisScript<List> SCRIPT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """, List.class);

    private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
              return redis.call('DECR', KEYS[1])
            end
            return 0
            """, Long.class);

    private static final String KEY_PREFIX = "gateway:rate:";

    private final ReactiveStringRedisTemplate redis;

    RateLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one request of {@code client} against {@code rule}. */
    Mono<Decision> acquire(String rule, String client, int limit, Duration window) {
        return redis.execute(SCRIPT, List.of(KEY_PREFIX + rule + ":" + client),
                        List.of(Long.toString(window.toMillis())))
                .next()
                .map(result -> {
                    long count = ((Number) result.get(0)).longValue();
                    long ttlMillis = ((Number) result.get(1)).longValue();
                    return new Decision(count <= limit, limit, Math.max(0, limit - count),
                            Duration.ofMillis(Math.max(ttlMillis, 0)));
                });
    }

    /** Takes back one request of {@code client} counted by {@link #acquire} (never below zero). */
    Mono<Void> giveBack(String rule, String client) {
        return redis.execute(GIVE_BACK, List.of(KEY_PREFIX + rule + ":" + client), List.of()).then();
    }

    /**
     * @param resetIn time until the window ends and the client may try again
     */
    record Decision(boolean allowed, int limit, long remaining, Duration resetIn) {

        long retryAfterSeconds() {
            // round up: retrying after a truncated value would still be refused
            return Math.max(1, (resetIn.toMillis() + 999) / 1000);
        }
    }
}
