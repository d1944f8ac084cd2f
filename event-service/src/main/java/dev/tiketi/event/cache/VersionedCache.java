package dev.tiketi.event.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Cache entries grouped in namespaces that are invalidated as a whole by incrementing the namespace's
 * version counter: every key embeds the version current when it was read, so after an increment readers
 * look up fresh keys and the old ones simply expire. Invalidation is one INCR, never a KEYS or SCAN over
 * an unbounded key space, and a value loaded from data older than an invalidation can only be stored under
 * the old version, never shadow the new data.
 *
 * <p>A namespace is a key prefix such as {@code catalog:list}; its counter is {@code <namespace>:ver} and its
 * values are {@code <namespace>:v<version>:<suffix>}.
 */
@Component
public class VersionedCache {

    private static final Logger log = LoggerFactory.getLogger(VersionedCache.class);

    private final CacheStore store;
    private final SingleFlightCache cache;
    private final CacheSettings settings;

    public VersionedCache(CacheStore store, SingleFlightCache cache, CacheSettings settings) {
        this.store = store;
        this.cache = cache;
        this.settings = settings;
    }

    /**
     * The value of {@code suffix} in the namespace's current version. When the version cannot be read the
     * value is loaded without caching: guessing a version could serve something already invalidated.
     */
    public <T> T get(String cacheName, String namespace, String suffix, Duration ttl, Class<T> type,
            Supplier<T> loader) {
        OptionalLong version = store.counter(versionKey(namespace));
        if (version.isEmpty()) {
            return cache.bypass(cacheName, loader);
        }
        return cache.get(cacheName, namespace + ":v" + version.getAsLong() + ":" + suffix, ttl, type, loader);
    }

    /** Makes every value of the namespace unreachable. If Redis cannot be reached they live out their TTL. */
    public void invalidate(String namespace) {
        if (!store.increment(versionKey(namespace), settings.versionTtl())) {
            log.warn("Could not invalidate cache namespace {}; its values expire with their TTL", namespace);
        }
    }

    private static String versionKey(String namespace) {
        return namespace + ":ver";
    }
}
