package dev.tiketi.event.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The few Redis operations the caches need, each of which degrades instead of failing: a cache is an
 * optimisation, so a Redis error reads as "not cached" and the caller goes to the database. After an error
 * Redis is left alone for {@link CacheSettings#failureBackoff()}, so that a hanging Redis does not add its
 * timeout to every request.
 */
@Component
public class CacheStore {

    public enum LockResult { ACQUIRED, BUSY, UNAVAILABLE }

    private static final Logger log = LoggerFactory.getLogger(CacheStore.class);

    /** Deletes the lock only if it is still ours: it may have expired and been taken by another instance. */
    private static final RedisScript<Long> UNLOCK = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""", Long.class);

    /** Counting and (re)starting the counter's lifetime in one step, so no counter is left without one. */
    private static final RedisScript<Long> BUMP = RedisScript.of("""
            local version = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return version""", Long.class);

    private final StringRedisTemplate redis;
    private final CacheSettings settings;
    /** {@link System#nanoTime()} until which Redis is skipped; a duration measurement, not a business time. */
    private final AtomicLong skipUntilNanos = new AtomicLong(System.nanoTime());

    public CacheStore(StringRedisTemplate redis, CacheSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** The value, or empty when there is none or Redis cannot be asked. */
    public Optional<String> get(String key) {
        return call("GET", () -> Optional.ofNullable(redis.opsForValue().get(key))).flatMap(value -> value);
    }

    public void set(String key, String value, Duration ttl) {
        call("SET", () -> {
            redis.opsForValue().set(key, value, ttl);
            return Boolean.TRUE;
        });
    }

    public LockResult tryLock(String key, String token, Duration ttl) {
        return call("SET NX", () -> redis.opsForValue().setIfAbsent(key, token, ttl))
                .map(acquired -> Boolean.TRUE.equals(acquired) ? LockResult.ACQUIRED : LockResult.BUSY)
                .orElse(LockResult.UNAVAILABLE);
    }

    public void unlock(String key, String token) {
        call("UNLOCK", () -> redis.execute(UNLOCK, List.of(key), token));
    }

    /** The counter's value (0 when it was never incremented), or empty when Redis cannot be asked. */
    public OptionalLong counter(String key) {
        return call("GET", () -> Optional.ofNullable(redis.opsForValue().get(key)))
                .map(value -> OptionalLong.of(value.map(Long::parseLong).orElse(0L)))
                .orElse(OptionalLong.empty());
    }

    /** Increments the counter; false when Redis could not be reached. */
    public boolean increment(String key, Duration ttl) {
        return call("INCR", () -> redis.execute(BUMP, List.of(key), Long.toString(ttl.toMillis()))).isPresent();
    }

    private <T> Optional<T> call(String operation, Supplier<T> command) {
        if (System.nanoTime() - skipUntilNanos.get() < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(command.get());
        } catch (DataAccessException e) {
            skipUntilNanos.set(System.nanoTime() + settings.failureBackoff().toNanos());
            log.warn("Redis {} failed; caches read from the database for the next {}: {}", operation,
                    settings.failureBackoff(), e.getMessage());
            return Optional.empty();
        }
    }
}
