package dev.tiketi.event.cache;

import dev.tiketi.testsupport.ServiceIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache as two service instances see it: separate processes' worth of state (store, in-flight map,
 * metrics) over the one shared Redis.
 */
@ServiceIntegrationTest
class SingleFlightCacheTest {

    /** Gives up on another instance's fill after 200 ms. */
    private static final CacheSettings FAST = new CacheSettings(Duration.ofSeconds(3), Duration.ofMillis(200),
            Duration.ofMillis(5), Duration.ofSeconds(5), Duration.ofDays(1), Duration.ZERO);
    /** Waits long enough for another instance's fill that a slow build machine cannot time it out. */
    private static final CacheSettings PATIENT = new CacheSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofMillis(5), Duration.ofSeconds(5), Duration.ofDays(1), Duration.ZERO);
    /** Keeps what it read in memory for a minute. */
    private static final CacheSettings LOCAL = new CacheSettings(Duration.ofSeconds(3), Duration.ofMillis(200),
            Duration.ofMillis(5), Duration.ofSeconds(5), Duration.ofDays(1), Duration.ofMinutes(1));

    record Value(String text, int number) {
    }

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    @Test
    void anotherInstanceWaitsForTheValueInsteadOfLoadingIt() throws Exception {
        CountDownLatch secondFoundTheLockTaken = new CountDownLatch(1);
        Instance first = new Instance(new CacheStore(redis, PATIENT), PATIENT);
        Instance second = new Instance(new CacheStore(redis, PATIENT) {
            @Override
            public LockResult tryLock(String lockKey, String token, Duration ttl) {
                LockResult result = super.tryLock(lockKey, token, ttl);
                secondFoundTheLockTaken.countDown();
                return result;
            }
        }, PATIENT);
        String key = "test:cache:" + UUID.randomUUID();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Value> fromFirst = threads.submit(() -> first.cache.get("test", key, Duration.ofMinutes(1), Value.class,
                    () -> {
                        loads.incrementAndGet();
                        loading.countDown();
                        await(release);
                        return new Value("loaded", 1);
                    }));
            assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Value> fromSecond = threads.submit(() -> second.cache.get("test", key, Duration.ofMinutes(1),
                    Value.class, () -> {
                        loads.incrementAndGet();
                        return new Value("second", 2);
                    }));
            assertThat(secondFoundTheLockTaken.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();

            assertThat(fromFirst.get(5, TimeUnit.SECONDS)).isEqualTo(new Value("loaded", 1));
            assertThat(fromSecond.get(5, TimeUnit.SECONDS)).isEqualTo(new Value("loaded", 1));
        }
        assertThat(loads).hasValue(1);
        assertThat(first.count("load")).isEqualTo(1);
        assertThat(second.count("load")).isZero();
        assertThat(second.count("waited")).isEqualTo(1);
    }

    @Test
    void aLockWhoseHolderVanishedDelaysTheOthersOnlyBriefly() {
        Instance instance = new Instance(new CacheStore(redis, FAST), FAST);
        String key = "test:cache:" + UUID.randomUUID();
        redis.opsForValue().set(key + ":lock", "a crashed instance", Duration.ofSeconds(30));

        long start = System.nanoTime();
        Value value = instance.cache.get("test", key, Duration.ofMinutes(1), Value.class, () -> new Value("mine", 3));

        assertThat(value).isEqualTo(new Value("mine", 3));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(instance.count("load")).isEqualTo(1);
        assertThat(redis.opsForValue().get(key)).contains("mine");
    }

    @Test
    void aFailedLoadReachesTheCallerAndCachesNothing() {
        Instance instance = new Instance(new CacheStore(redis, FAST), FAST);
        String key = "test:cache:" + UUID.randomUUID();

        assertThatThrownBy(() -> instance.cache.get("test", key, Duration.ofMinutes(1), Value.class, () -> {
            throw new IllegalStateException("database says no");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database says no");

        assertThat(redis.hasKey(key)).isFalse();
        assertThat(redis.hasKey(key + ":lock")).isFalse();
        assertThat(instance.cache.get("test", key, Duration.ofMinutes(1), Value.class, () -> new Value("ok", 4)))
                .isEqualTo(new Value("ok", 4));
    }

    @Test
    void anUnreadableCachedValueIsReplaced() {
        Instance instance = new Instance(new CacheStore(redis, FAST), FAST);
        String key = "test:cache:" + UUID.randomUUID();
        redis.opsForValue().set(key, "{\"renamed\":true", Duration.ofMinutes(1));

        assertThat(instance.cache.get("test", key, Duration.ofMinutes(1), Value.class, () -> new Value("fresh", 5)))
                .isEqualTo(new Value("fresh", 5));
        assertThat(instance.cache.get("test", key, Duration.ofMinutes(1), Value.class, () -> new Value("again", 6)))
                .isEqualTo(new Value("fresh", 5));
    }

    @Test
    void versionedNamespacesAreInvalidatedAsAWhole() {
        Instance instance = new Instance(new CacheStore(redis, FAST), FAST);
        String namespace = "test:ns:" + UUID.randomUUID();

        assertThat(instance.versioned.get("test", namespace, "a", Duration.ofMinutes(1), Value.class,
                () -> new Value("a1", 1))).isEqualTo(new Value("a1", 1));
        assertThat(instance.versioned.get("test", namespace, "a", Duration.ofMinutes(1), Value.class,
                () -> new Value("a2", 2))).isEqualTo(new Value("a1", 1));

        instance.versioned.invalidate(namespace);

        assertThat(instance.versioned.get("test", namespace, "a", Duration.ofMinutes(1), Value.class,
                () -> new Value("a3", 3))).isEqualTo(new Value("a3", 3));
        assertThat(redis.opsForValue().get(namespace + ":ver")).isEqualTo("1");
        assertThat(redis.getExpire(namespace + ":ver")).isPositive();
    }

    @Test
    void aValueReadOnceIsServedFromMemoryWithoutAskingRedisAgain() {
        Instance instance = new Instance(new CacheStore(redis, LOCAL), LOCAL);
        String key = "test:cache:" + UUID.randomUUID();
        redis.opsForValue().set(key, json.writeValueAsString(new Value("in redis", 1)), Duration.ofMinutes(1));

        assertThat(instance.cache.get("test", key, Duration.ofMinutes(1), Value.class, () -> new Value("db", 2)))
                .isEqualTo(new Value("in redis", 1));
        redis.delete(key);

        assertThat(instance.cache.get("test", key, Duration.ofMinutes(1), Value.class, () -> new Value("db", 3)))
                .as("kept in memory").isEqualTo(new Value("in redis", 1));
        assertThat(instance.count("hit")).isEqualTo(2);
    }

    @Test
    void anInvalidationReachesValuesKeptInMemoryAtOnce() {
        Instance reader = new Instance(new CacheStore(redis, LOCAL), LOCAL);
        Instance writer = new Instance(new CacheStore(redis, LOCAL), LOCAL);
        String namespace = "test:ns:" + UUID.randomUUID();
        assertThat(reader.versioned.get("test", namespace, "a", Duration.ofMinutes(1), Value.class,
                () -> new Value("old", 1))).isEqualTo(new Value("old", 1));

        writer.versioned.invalidate(namespace);

        assertThat(reader.versioned.get("test", namespace, "a", Duration.ofMinutes(1), Value.class,
                () -> new Value("new", 2))).isEqualTo(new Value("new", 2));
    }

    @Test
    void whenRedisIsDownEveryReadGoesToTheLoaderWithoutFailing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
        dead.afterPropertiesSet();
        dead.start();
        try {
            StringRedisTemplate deadRedis = new StringRedisTemplate(dead);
            Instance instance = new Instance(new CacheStore(deadRedis, FAST), FAST);
            AtomicInteger loads = new AtomicInteger();

            for (int i = 1; i <= 3; i++) {
                Value value = instance.versioned.get("test", "test:ns:down", "k", Duration.ofMinutes(1), Value.class,
                        () -> new Value("db", loads.incrementAndGet()));
                assertThat(value.number()).isEqualTo(i);
                instance.versioned.invalidate("test:ns:down");
                assertThat(instance.cache.get("test", "test:down", Duration.ofMinutes(1), Value.class,
                        () -> new Value("db", 0))).isEqualTo(new Value("db", 0));
            }
            assertThat(instance.count("bypass")).isEqualTo(6);
        } finally {
            dead.destroy();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one service instance holds. */
    private final class Instance {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final SingleFlightCache cache;
        final VersionedCache versioned;

        Instance(CacheStore store, CacheSettings settings) {
            cache = new SingleFlightCache(store, json, settings, meters);
            versioned = new VersionedCache(store, cache, settings);
        }

        double count(String outcome) {
            return meters.counter("tiketi.cache.requests", "cache", "test", "outcome", outcome).count();
        }
    }
}
