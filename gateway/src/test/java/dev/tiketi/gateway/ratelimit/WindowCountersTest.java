package dev.tiketi.gateway.ratelimit;

import dev.tiketi.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting in memory, sharing through the embedded Redis; two instances stand for two gateway replicas. */
class WindowCountersTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @BeforeAll
    static void connect() {
        testRedis = TestRedis.connect();
        redis = testRedis.template();
    }

    @AfterAll
    static void disconnect() {
        testRedis.close();
    }

    private WindowCounters replica() {
        return new WindowCounters(redis, Duration.ofHours(1), clock::get);
    }

    private static String key() {
        return "gateway:rate:test:" + UUID.randomUUID();
    }

    @Test
    void manyThreadsCountingOneClientEachGetADistinctCountSoExactlyTheLimitIsAllowed() throws Exception {
        WindowCounters counters = replica();
        String key = key();
        int threads = 32;
        int each = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                List<Long> counts = new ArrayList<>(each);
                for (int i = 0; i < each; i++) {
                    counts.add(counters.add(key, MINUTE).count());
                    if (i % 50 == 0) {
                        counters.sync();
                    }
                }
                return counts;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        counters.sync();

        // syncs ran meanwhile: the counts read back from Redis never made one count twice or skip one
        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(all.stream().filter(count -> count <= 1_000).count()).isEqualTo(1_000);
        assertThat(redis.opsForValue().get(key)).isEqualTo(Long.toString(threads * each));
    }

    @Test
    void replicasSeeEachOthersCountsAfterASyncAndShareTheWindow() {
        WindowCounters first = replica();
        WindowCounters second = replica();
        String key = key();
        for (int i = 0; i < 30; i++) {
            first.add(key, MINUTE);
        }
        first.sync();
        clock.addAndGet(Duration.ofSeconds(20).toNanos());

        // before its first sync the second counts only its own request
        assertThat(second.add(key, MINUTE).count()).isEqualTo(1);
        second.sync();
        WindowCounters.Count afterSync = second.add(key, MINUTE);
        assertThat(afterSync.count()).isEqualTo(32);
        // the window is Redis's, begun by the first replica's first request (Redis's clock: not moved on)
        assertThat(afterSync.resetIn()).isBetween(Duration.ofSeconds(55), MINUTE);
        // a replica decides on what it last read back: the first knows its own 30 until its next sync
        assertThat(first.add(key, MINUTE).count()).isEqualTo(31);
        first.sync();
        second.sync();
        assertThat(first.add(key, MINUTE).count()).isEqualTo(33);
        assertThat(second.add(key, MINUTE).count()).isEqualTo(34);
        first.sync();
        second.sync();
        assertThat(redis.opsForValue().get(key)).isEqualTo("35");
        assertThat(redis.getExpire(key)).isBetween(55L, 60L);
    }

    @Test
    void aWindowThatEndsStartsAgainFromOneAndIsDroppedOnceIdle() {
        WindowCounters counters = replica();
        String key = key();
        for (int i = 0; i < 5; i++) {
            counters.add(key, MINUTE);
        }
        clock.addAndGet(MINUTE.toNanos());

        WindowCounters.Count next = counters.add(key, MINUTE);
        assertThat(next.count()).isEqualTo(1);
        assertThat(next.resetIn()).isEqualTo(MINUTE);
        clock.addAndGet(MINUTE.toNanos());
        counters.sync();
        assertThat(counters.size()).isZero();
    }

    @Test
    void aGivenBackRequestIsTakenBackHereAndInRedisButNeverBelowZero() {
        WindowCounters counters = replica();
        String key = key();
        counters.add(key, MINUTE);
        counters.add(key, MINUTE);
        counters.sync();
        counters.giveBack(key);
        assertThat(counters.add(key, MINUTE).count()).isEqualTo(2);
        counters.giveBack(key);
        counters.sync();
        assertThat(redis.opsForValue().get(key)).isEqualTo("1");

        // another replica's give-back of a count Redis no longer has (expired, flushed) stops at zero
        redis.opsForValue().set(key, "0", MINUTE);
        WindowCounters other = replica();
        other.add(key, MINUTE);
        other.giveBack(key);
        other.giveBack(key);
        counters.giveBack(key);
        counters.sync();
        assertThat(redis.opsForValue().get(key)).isEqualTo("0");
    }

    @Test
    void withRedisUnreachableCountingGoesOnHereAndNothingIsLost() {
        try (TestRedis dead = TestRedis.unreachable()) {
            WindowCounters counters = new WindowCounters(dead.template(), Duration.ofHours(1), clock::get);
            String key = key();
            for (int i = 1; i <= 3; i++) {
                assertThat(counters.add(key, MINUTE).count()).isEqualTo(i);
                counters.sync();
            }
            assertThat(counters.add(key, MINUTE).count()).isEqualTo(4);
        }
    }
}
