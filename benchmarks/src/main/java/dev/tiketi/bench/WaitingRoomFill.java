package dev.tiketi.bench;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ZAddParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Puts synthetic people into an event's waiting room directly in Redis, leaving exactly what queue-service's
 * enter script would (keys as in queue-service's {@code QueueKeys}, scores as in {@code enter.lua}): a million
 * enters through the API would take longer than the measurement. Nobody is admitted while the event's admission
 * is paused, so the waiting count stays what was filled in.
 */
final class WaitingRoomFill implements AutoCloseable {

    /* queue-service's QueueKeys: a service jar is not a library, so the layout is spelled again here */
    private static final String PREFIX = "queue:";
    private static final String OPEN_QUEUES = PREFIX + "open";

    /** Members per command; pipelined, so the batch size only bounds the size of one command. */
    private static final int BATCH = 1_000;
    private static final Duration PERSISTENCE_WAIT = Duration.ofMinutes(5);

    private final Jedis redis;

    WaitingRoomFill(String host, int port) {
        this.redis = new Jedis(host, port);
    }

    /**
     * Fills the empty waiting room of {@code eventId} with {@code count} people who arrived one microsecond apart
     * up to now by Redis's clock, the clock enter.lua scores with, so whoever enters afterwards queues behind them.
     *
     * @return {@code sample} of them (at most {@code count}), spread evenly from the head of the queue to its tail
     */
    List<UUID> fill(UUID eventId, int count, int sample) {
        String queue = PREFIX + eventId;
        if (redis.zcard(queue) > 0) {
            throw new IllegalStateException("the waiting room of " + eventId + " is not empty");
        }
        long started = System.nanoTime();
        List<String> time = redis.time();
        long now = Long.parseLong(time.get(0)) * 1_000_000 + Long.parseLong(time.get(1));
        long firstArrival = now - count;
        String event = eventId.toString();
        List<UUID> sampled = new ArrayList<>();
        int sampleCount = Math.min(sample, count);
        Pipeline pipeline = redis.pipelined();
        for (int start = 0; start < count; start += BATCH) {
            int end = Math.min(count, start + BATCH);
            Map<String, Double> arrivals = new HashMap<>();
            List<String> userQueues = new ArrayList<>();
            for (int i = start; i < end; i++) {
                UUID user = UUID.randomUUID();
                if (sampled.size() < sampleCount && i == (int) ((long) sampled.size() * count / sampleCount)) {
                    sampled.add(user);
                }
                arrivals.put(user.toString(), (double) (firstArrival + i));
                userQueues.add(PREFIX + "user:" + user);
                userQueues.add(event);
            }
            pipeline.zadd(queue, arrivals, ZAddParams.zAddParams().nx());
            pipeline.mset(userQueues.toArray(String[]::new));
        }
        pipeline.set(PREFIX + "last:" + eventId, Long.toString(firstArrival + count - 1));
        pipeline.sadd(OPEN_QUEUES, event);
        pipeline.sync();
        long waiting = redis.zcard(queue);
        if (waiting != count) {
            throw new IllegalStateException("filled " + count + " but " + waiting + " are waiting");
        }
        System.out.printf(Locale.ROOT, "filled the waiting room with %,d in %.1f s; Redis holds %s%n", count,
                (System.nanoTime() - started) / 1e9, usedMemory());
        return List.copyOf(sampled);
    }

    /**
     * Waits while Redis rewrites its append-only file or writes a snapshot, which a large fill sets off: a fork
     * and hundreds of megabytes written to disk would be measured along with the waiting room.
     */
    void awaitPersistence() {
        long deadline = System.nanoTime() + PERSISTENCE_WAIT.toNanos();
        while (busyPersisting()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Redis still persisting after " + PERSISTENCE_WAIT.toMinutes()
                        + " min");
            }
            Pause.pause(Duration.ofMillis(500));
        }
    }

    /** Everyone out of the waiting room, filled or entered, with the user → event mappings enter.lua wrote. */
    void clear(UUID eventId) {
        String queue = PREFIX + eventId;
        long waiting = redis.zcard(queue);
        for (long start = 0; start < waiting; start += BATCH) {
            redis.unlink(redis.zrange(queue, start, start + BATCH - 1).stream()
                    .map(user -> PREFIX + "user:" + user).toArray(String[]::new));
        }
        redis.unlink(queue, PREFIX + "last:" + eventId);
        redis.srem(OPEN_QUEUES, eventId.toString());
    }

    String usedMemory() {
        return info("memory").getOrDefault("used_memory_human", "?");
    }

    private boolean busyPersisting() {
        Map<String, String> persistence = info("persistence");
        return List.of("aof_rewrite_in_progress", "aof_rewrite_scheduled", "rdb_bgsave_in_progress").stream()
                .anyMatch(field -> "1".equals(persistence.get(field)));
    }

    private Map<String, String> info(String section) {
        Map<String, String> fields = new HashMap<>();
        redis.info(section).lines().filter(line -> line.contains(":")).forEach(line ->
                fields.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip()));
        return fields;
    }

    @Override
    public void close() {
        redis.close();
    }
}
