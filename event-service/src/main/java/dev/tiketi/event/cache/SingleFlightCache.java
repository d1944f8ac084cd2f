package dev.tiketi.event.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Cache-aside over Redis with JSON values, where a miss is filled once however many requests want the
 * same key at the same time: within this instance the first request loads and the others wait for its
 * future; across instances the loader holds a short Redis lock and the other instances poll for its value
 * (and load themselves only if it does not arrive in time). Without this, a popular key expiring at the
 * opening of a sale sends every waiting request to the database at once.
 *
 * <p>A value read or loaded is kept in process memory for {@code local-ttl} (1 s) as well, under the same key.
 * Keys are versioned ({@link VersionedCache}), so an invalidation reaches these copies at once: readers look up
 * the namespace's new version, which no copy has. What the copies save is, per cached read, a Redis round trip and
 * the JSON parse of the value; under a sale's catalog traffic they are most of event-service's work for a read
 * (docs/benchmarks.md). A value may outlive its Redis TTL here by up to {@code local-ttl}. Zero turns this off.
 *
 * <p>Every outcome is counted in {@code tiketi.cache.requests} (tags {@code cache}, {@code outcome}):
 * {@code hit}, {@code joined} (waited for this instance's load), {@code waited} (got another instance's
 * value), {@code load} (went to the database and stored the value), {@code bypass} (went to the database
 * because Redis was unavailable).
 */
@Component
public class SingleFlightCache {

    /** Far above the keys a catalog has in use within a second: list pages, and each event's detail and summary. */
    private static final int LOCAL_ENTRIES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SingleFlightCache.class);

    private final CacheStore store;
    private final JsonMapper json;
    private final CacheSettings settings;
    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Cache<String, Object> local;

    public SingleFlightCache(CacheStore store, JsonMapper json, CacheSettings settings, MeterRegistry meters) {
        this.store = store;
        this.json = json;
        this.settings = settings;
        this.meters = meters;
        // a zero TTL expires every entry as it is written: each read checks the expiry, so none is ever served
        this.local = Caffeine.newBuilder().maximumSize(LOCAL_ENTRIES).expireAfterWrite(settings.localTtl()).build();
    }

    /**
     * The cached value of {@code key}, or {@code loader}'s value stored for {@code ttl}. An exception of the
     * loader reaches every request that waited for it, and nothing is cached.
     */
    public <T> T get(String cache, String key, Duration ttl, Class<T> type, Supplier<T> loader) {
        Optional<T> cached = read(key, type);
        if (cached.isPresent()) {
            count(cache, "hit");
            return cached.get();
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            count(cache, "joined");
            return type.cast(await(running));
        }
        try {
            T value = fill(cache, key, ttl, type, loader);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private <T> T fill(String cache, String key, Duration ttl, Class<T> type, Supplier<T> loader) {
        String lock = key + ":lock";
        String token = UUID.randomUUID().toString();
        return switch (store.tryLock(lock, token, settings.lockTtl())) {
            case ACQUIRED -> {
                try {
                    // another instance, or a request of ours that finished just before we started, may have
                    // filled the key between our miss and our lock
                    Optional<T> filled = read(key, type);
                    if (filled.isPresent()) {
                        count(cache, "hit");
                        yield filled.get();
                    }
                    yield loadAndStore(cache, key, ttl, loader);
                } finally {
                    store.unlock(lock, token);
                }
            }
            case BUSY -> {
                Optional<T> theirs = awaitOtherInstance(key, type);
                if (theirs.isPresent()) {
                    count(cache, "waited");
                    yield theirs.get();
                }
                yield loadAndStore(cache, key, ttl, loader);
            }
            case UNAVAILABLE -> bypass(cache, loader);
        };
    }

    /** Loads without the cache, for when Redis cannot be asked. */
    public <T> T bypass(String cache, Supplier<T> loader) {
        count(cache, "bypass");
        return loader.get();
    }

    private <T> T loadAndStore(String cache, String key, Duration ttl, Supplier<T> loader) {
        T value = loader.get();
        count(cache, "load");
        store.set(key, json.writeValueAsString(value), ttl);
        local.put(key, value);
        return value;
    }

    private <T> Optional<T> awaitOtherInstance(String key, Class<T> type) {
        long deadline = System.nanoTime() + settings.lockWait().toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            Optional<T> value = read(key, type);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** A value that no longer reads (its type changed with a deployment) counts as a miss and is replaced. */
    private <T> Optional<T> read(String key, Class<T> type) {
        Object kept = local.getIfPresent(key);
        if (type.isInstance(kept)) {
            return Optional.of(type.cast(kept));
        }
        return store.get(key).flatMap(text -> {
            try {
                T value = json.readValue(text, type);
                local.put(key, value);
                return Optional.of(value);
            } catch (JacksonException e) {
                log.warn("Cached value of {} is unreadable as {}; reloading", key, type.getSimpleName());
                return Optional.empty();
            }
        });
    }

    private static Object await(CompletableFuture<Object> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void count(String cache, String outcome) {
        // looked up once per cache and outcome, not built from its tags on every read
        counters.computeIfAbsent(cache + '\n' + outcome,
                name -> meters.counter("tiketi.cache.requests", "cache", cache, "outcome", outcome)).increment();
    }
}
