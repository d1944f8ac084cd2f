package dev.tiketi.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answers kept by {@link SharedResponseCacheFilter}, each until its own lifetime ends, within a total size.
 * A request's key is its path and query as sent, and its {@code Accept-Encoding} (a service may send gzip to one
 * client and plain JSON to another); the host is not, as the gateway serves one origin.
 *
 * <p>Refreshed ahead: once three quarters of an answer's lifetime have passed, the next request for it is sent on
 * to the service and its answer replaces the kept one, while every other request is still served the kept answer,
 * which is within its lifetime. Otherwise every key would run out once a lifetime, and all the requests arriving
 * while its next answer was on its way would go to the service and wait for it.
 */
public final class SharedResponses {

    /**
     * What a kept answer carries besides its body: the representation, never a header about the request that
     * filled it (rate limits, CORS, trace). {@code Vary: Accept-Encoding} is kept apart ({@link Kept#variesByEncoding}),
     * as the serving request's own {@code Vary} (its CORS) must stay.
     */
    static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL);

    private final Cache<Key, Kept> kept;
    private final Ticker ticker;
    private final Duration maxTtl;
    private final int maxEntryBytes;

    SharedResponses(Duration maxTtl, long maxBytes, int maxEntryBytes, Ticker ticker) {
        this.ticker = ticker;
        this.maxTtl = maxTtl;
        this.maxEntryBytes = maxEntryBytes;
        this.kept = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumWeight(maxBytes)
                .weigher((Key key, Kept answer) -> key.weight() + answer.body().length)
                .expireAfter(Expiry.writing((Key key, Kept answer) -> answer.lifetime()))
                .build();
    }

    Duration maxTtl() {
        return maxTtl;
    }

    int maxEntryBytes() {
        return maxEntryBytes;
    }

    static Key keyOf(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        String path = request.getURI().getRawPath();
        return new Key(query == null ? path : path + "?" + query,
                String.join(",", request.getHeaders().getValuesAsList(HttpHeaders.ACCEPT_ENCODING)));
    }

    /**
     * The answer kept for this key, with its age; null if there is none, or if this request is the one to fetch
     * its replacement (the first to ask in the last quarter of its lifetime).
     */
    Fresh find(Key key) {
        Kept answer = kept.getIfPresent(key);
        if (answer == null) {
            return null;
        }
        long ageNanos = ticker.read() - answer.keptAtNanos();
        if (ageNanos * 4 >= answer.lifetime().toNanos() * 3 && answer.refreshing().compareAndSet(false, true)) {
            return null;
        }
        return new Fresh(answer, Duration.ofNanos(ageNanos));
    }

    void keep(Key key, HttpHeaders headers, byte[] body, Duration lifetime) {
        HttpHeaders representation = new HttpHeaders();
        for (String name : KEPT_HEADERS) {
            List<String> values = headers.get(name);
            if (values != null) {
                representation.put(name, List.copyOf(values));
            }
        }
        kept.put(key, new Kept(HttpHeaders.readOnlyHttpHeaders(representation),
                SharedCacheRules.variesByEncoding(headers), body, lifetime, ticker.read(), new AtomicBoolean()));
    }

    long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    record Key(String pathAndQuery, String acceptEncoding) {

        int weight() {
            return pathAndQuery.length() + acceptEncoding.length();
        }
    }

    /** {@code refreshing}: a request has been sent on to fetch this answer's replacement. */
    record Kept(HttpHeaders headers, boolean variesByEncoding, byte[] body, Duration lifetime, long keptAtNanos,
                AtomicBoolean refreshing) {
    }

    record Fresh(Kept answer, Duration age) {
    }
}
