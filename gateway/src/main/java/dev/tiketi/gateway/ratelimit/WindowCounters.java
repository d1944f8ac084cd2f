package dev.tiketi.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Fixed-window request counters, counted in memory and shared with the other gateway replicas through Redis in
 * batches: a request is decided without a Redis round trip, and every {@code syncInterval} one script call adds
 * what each counter counted since to its Redis key and reads back the total of every replica and the window's
 * remaining time, which then decide the following requests.
 *
 * <p>With one replica every request is decided on its exact count. With several, a client whose requests are
 * spread over them can get ahead of the limit by what the other replicas counted since their last sync (at most
 * one sync interval of its requests per other replica); the windows are the Redis keys', so they end together.
 * A window begins with the client's first request, so "10 per minute" means that from the client's point of view,
 * and the key's remaining lifetime is the honest Retry-After. (One script call names keys of many cluster slots:
 * this needs one Redis, not a cluster.)
 */
final class WindowCounters implements SmartLifecycle {

    /**
     * KEYS: counters. ARGV: for each key its delta, then its window in ms. Adds each delta (a net give-back may
     * be negative; a count never goes below zero) and starts the key's window if it has none. Returns, per key,
     * the count and the window's remaining milliseconds.
     */
    private static final RedisScript<List> ADD = RedisScript.of("""
            local result = {}
            for i = 1, #KEYS do
              local count = redis.call('INCRBY', KEYS[i], ARGV[2 * i - 1])
              if count < 0 then
                redis.call('SET', KEYS[i], 0, 'KEEPTTL')
                count = 0
              end
              local ttl = redis.call('PTTL', KEYS[i])
              if ttl < 0 then
                redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
                ttl = tonumber(ARGV[2 * i])
              end
              result[#result + 1] = count
              result[#result + 1] = ttl
            end
            return result
            """, List.class);

    /** Keys per script call: a sync of many clients is cut into calls that keep Redis responsive. */
    private static final int BATCH = 500;

    /** How often the windows that ended are dropped: a walk over every client counted in the last window. */
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(WindowCounters.class);

    private final StringRedisTemplate redis;
    private final Duration syncInterval;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** The keys counted since the last sync, each once: a sync reads these, not every window. */
    private final Queue<String> dirty = new ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService syncer;
    private boolean failing;
    private long lastSweep;

    WindowCounters(StringRedisTemplate redis, Duration syncInterval) {
        this(redis, syncInterval, System::nanoTime);
    }

    WindowCounters(StringRedisTemplate redis, Duration syncInterval, LongSupplier nanoClock) {
        this.redis = redis;
        this.syncInterval = syncInterval;
        this.nanoClock = nanoClock;
        this.lastSweep = nanoClock.getAsLong();
    }

    /**
     * Counts one request under {@code key}, whose window lasts {@code window}.
     *
     * @return the count with this request, and how long until the window ends
     */
    Count add(String key, Duration window) {
        long now = nanoClock.getAsLong();
        Count[] counted = new Count[1];
        // compute: counting and sync's removal of a finished window never interleave on one key
        windows.compute(key, (k, existing) -> {
            Window current = existing != null ? existing : new Window(window, now);
            counted[0] = current.add(now);
            if (current.markDirty()) {
                dirty.add(k);
            }
            return current;
        });
        return counted[0];
    }

    /** Takes back one request counted under {@code key} (not below zero), if its window is still going. */
    void giveBack(String key) {
        long now = nanoClock.getAsLong();
        windows.computeIfPresent(key, (k, current) -> {
            current.giveBack(now);
            if (current.markDirty()) {
                dirty.add(k);
            }
            return current;
        });
    }

    /**
     * Sends every counter's new requests to Redis and takes back the totals; drops the windows that ended. Runs
     * every sync interval on a thread of its own, and once more on stop; one at a time, as a window's in-flight
     * count is one sync's.
     */
    synchronized void sync() {
        long now = nanoClock.getAsLong();
        List<String> keys = new ArrayList<>();
        List<Window> sent = new ArrayList<>();
        List<Delta> deltas = new ArrayList<>();
        for (String key = dirty.poll(); key != null; key = dirty.poll()) {
            Window window = windows.get(key);
            Delta delta = window == null ? null : window.takeUnsent(now);
            if (delta != null) {
                keys.add(key);
                sent.add(window);
                deltas.add(delta);
            }
        }
        if (now - lastSweep >= SWEEP_EVERY.toNanos()) {
            lastSweep = now;
            for (String key : windows.keySet()) {
                // under the key's lock, as add takes it: a request counted in a window begun just now is not lost
                windows.computeIfPresent(key, (k, window) -> window.finished(nanoClock.getAsLong()) ? null : window);
            }
        }
        for (int from = 0; from < keys.size(); from += BATCH) {
            int to = Math.min(keys.size(), from + BATCH);
            send(keys.subList(from, to), sent.subList(from, to), deltas.subList(from, to));
        }
    }

    private void send(List<String> keys, List<Window> sent, List<Delta> deltas) {
        Object[] args = new Object[2 * keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            args[2 * i] = Long.toString(deltas.get(i).requests());
            args[2 * i + 1] = Long.toString(sent.get(i).windowMillis);
        }
        List<?> result;
        try {
            result = redis.execute(ADD, keys, args);
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Rate-limit counts not shared with Redis; counting here until they can be: {}", e.toString());
                failing = true;
            }
            for (int i = 0; i < keys.size(); i++) {
                sent.get(i).unsent(deltas.get(i));
                // sent again with the next sync
                dirty.add(keys.get(i));
            }
            return;
        }
        if (failing) {
            log.info("Rate-limit counts are shared with Redis again");
            failing = false;
        }
        long now = nanoClock.getAsLong();
        for (int i = 0; i < keys.size(); i++) {
            sent.get(i).synced(deltas.get(i), ((Number) result.get(2 * i)).longValue(),
                    ((Number) result.get(2 * i + 1)).longValue(), now);
        }
    }

    /** Windows counted here and not yet over (for tests and the idle check). */
    int size() {
        return windows.size();
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-sync");
            thread.setDaemon(true);
            return thread;
        });
        syncer = executor;
        executor.scheduleWithFixedDelay(this::syncQuietly, syncInterval.toMillis(), syncInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("Rate-limit sync failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = syncer;
        syncer = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // what the last interval counted still counts on the other replicas
            syncQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return syncer != null;
    }

    /**
     * @param count   requests in the window with this one, across the replicas as far as known here
     * @param resetIn until the window ends
     */
    record Count(long count, Duration resetIn) {
    }

    /** Requests handed to a sync, of the window generation they were counted in. */
    private record Delta(long requests, long generation) {
    }

    /**
     * One client's window under one rule. {@code known}: the total in Redis at the last sync (every replica's);
     * {@code sending}: handed to the sync under way; {@code unsent}: counted since. A window that ends here is
     * started afresh (a new generation), and replies about the old one are ignored.
     */
    private static final class Window {

        private final long windowNanos;
        private final long windowMillis;
        private long endsAt;
        private long generation;
        private long known;
        private long sending;
        private long unsent;
        /** Whether its key is in the queue of keys to sync. */
        private boolean queued;

        /** Ended at {@code now}: the first request begins it. */
        Window(Duration window, long now) {
            this.windowNanos = window.toNanos();
            this.windowMillis = window.toMillis();
            this.endsAt = now;
        }

        synchronized Count add(long now) {
            if (now - endsAt >= 0) {
                generation++;
                endsAt = now + windowNanos;
                known = 0;
                sending = 0;
                unsent = 0;
            }
            unsent++;
            return new Count(known + sending + unsent, Duration.ofNanos(endsAt - now));
        }

        synchronized void giveBack(long now) {
            if (now - endsAt < 0 && known + sending + unsent > 0) {
                unsent--;
            }
        }

        /** True once per sync: the caller queues the key. */
        synchronized boolean markDirty() {
            if (queued) {
                return false;
            }
            queued = true;
            return true;
        }

        synchronized Delta takeUnsent(long now) {
            queued = false;
            if (unsent == 0 || now - endsAt >= 0) {
                return null;
            }
            sending += unsent;
            Delta delta = new Delta(unsent, generation);
            unsent = 0;
            return delta;
        }

        synchronized void synced(Delta delta, long total, long remainingMillis, long now) {
            if (delta.generation() != generation) {
                return;
            }
            sending -= delta.requests();
            known = total;
            endsAt = now + TimeUnit.MILLISECONDS.toNanos(remainingMillis);
        }

        synchronized void unsent(Delta delta) {
            if (delta.generation() == generation) {
                sending -= delta.requests();
                unsent += delta.requests();
            }
            queued = true;
        }

        synchronized boolean finished(long now) {
            return now - endsAt >= 0 && sending == 0;
        }
    }
}
