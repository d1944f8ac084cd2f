package dev.tiketi.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The revocations of {@link TokenRevocation} kept in memory, so that a service's token check costs no Redis round
 * trip per request. {@link AccessTokenBlacklist} writes each revocation to its key and, in the same script, to the
 * stream {@value #STREAM}; this reads the stream every {@code pollInterval} from where it left off (one small
 * XREAD per interval per process, not per request). It starts, and starts again whenever it fell behind, from a
 * full copy: the stream's newest entry id first, then every revocation key (SCAN), then the stream from that id,
 * so nothing written in between is missed; it also does so every {@code resyncEvery}, which drops what expired.
 *
 * <p>The bound: the mirror answers only while its last successful read began less than {@code maxStaleness} ago
 * ({@link #isCurrent}); a revocation written before that read began is in it, so every revocation older than
 * {@code maxStaleness} is known. Otherwise (Redis unreachable, the reader stuck) the blacklist asks Redis per
 * request, as it always did, and fails as it always did when Redis cannot answer.
 */
public final class RevocationMirror implements SmartLifecycle {

    /** {@link TokenRevocation#STREAM}. */
    public static final String STREAM = TokenRevocation.STREAM;

    private static final Logger log = LoggerFactory.getLogger(RevocationMirror.class);
    private static final int BATCH = 1_000;

    private final StringRedisTemplate redis;
    private final Duration pollInterval;
    private final Duration maxStaleness;
    private final Duration resyncEvery;

    private volatile Set<String> tokens = ConcurrentHashMap.newKeySet();
    private volatile Map<String, String> userCutoffs = new ConcurrentHashMap<>();
    /** System.nanoTime() when the last successful read began; meaningful once {@link #synced}. */
    private volatile long currentAsOf;
    private volatile boolean synced;
    private String lastId;
    private long lastResync;
    private boolean failing;
    private volatile ScheduledExecutorService reader;

    public RevocationMirror(StringRedisTemplate redis, RevocationSettings settings) {
        this(redis, settings.pollInterval(), settings.maxStaleness(), settings.resyncEvery());
    }

    public RevocationMirror(StringRedisTemplate redis, Duration pollInterval, Duration maxStaleness,
                            Duration resyncEvery) {
        if (maxStaleness.compareTo(pollInterval) <= 0) {
            throw new IllegalArgumentException("max-staleness (" + maxStaleness + ") must exceed the poll interval ("
                    + pollInterval + ")");
        }
        this.redis = redis;
        this.pollInterval = pollInterval;
        this.maxStaleness = maxStaleness;
        this.resyncEvery = resyncEvery;
    }

    /** Whether the mirror may answer: it read every revocation older than {@code maxStaleness}. */
    public boolean isCurrent() {
        return synced && System.nanoTime() - currentAsOf < maxStaleness.toNanos();
    }

    /** {@link TokenRevocation#isRevoked} over the mirror; ask only while {@link #isCurrent}. */
    public boolean isRevoked(String jti, String userId, Instant issuedAt) {
        return TokenRevocation.isRevoked(
                Arrays.asList(jti != null && tokens.contains(jti) ? "1" : null,
                        userId == null ? null : userCutoffs.get(userId)),
                issuedAt);
    }

    /** A revocation this process just wrote: known here at once, as it would be by reading it back. */
    void learnToken(String jti) {
        tokens.add(jti);
    }

    /** A per-user cutoff this process just wrote (see {@link #learnToken}). */
    void learnCutoff(String userId, String before) {
        userCutoffs.put(userId, before);
    }

    /** One read: the new stream entries, or a full copy when starting, behind or due. Public for tests. */
    public void sync() {
        long started = System.nanoTime();
        try {
            if (!synced || lastId == null || started - currentAsOf >= maxStaleness.toNanos()
                    || started - lastResync >= resyncEvery.toNanos()) {
                resync();
                lastResync = started;
            } else {
                readNew();
            }
            currentAsOf = started;
            synced = true;
            if (failing) {
                log.info("Token revocations are read again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Token revocations cannot be read; checking Redis per request until they can: {}", e.toString());
                failing = true;
            }
        }
    }

    private void resync() {
        List<MapRecord<String, Object, Object>> newest = redis.opsForStream()
                .reverseRange(STREAM, Range.unbounded(), Limit.limit().count(1));
        String from = newest == null || newest.isEmpty() ? "0-0" : newest.getFirst().getId().getValue();
        Set<String> freshTokens = ConcurrentHashMap.newKeySet();
        for (String key : scan(TokenRevocation.TOKEN_PREFIX)) {
            freshTokens.add(key.substring(TokenRevocation.TOKEN_PREFIX.length()));
        }
        Map<String, String> freshCutoffs = new ConcurrentHashMap<>();
        List<String> cutoffKeys = scan(TokenRevocation.USER_CUTOFF_PREFIX);
        for (int i = 0; i < cutoffKeys.size(); i += BATCH) {
            List<String> keys = cutoffKeys.subList(i, Math.min(cutoffKeys.size(), i + BATCH));
            List<String> values = redis.opsForValue().multiGet(keys);
            for (int k = 0; k < keys.size(); k++) {
                if (values != null && values.get(k) != null) {
                    freshCutoffs.put(keys.get(k).substring(TokenRevocation.USER_CUTOFF_PREFIX.length()), values.get(k));
                }
            }
        }
        tokens = freshTokens;
        userCutoffs = freshCutoffs;
        lastId = from;
        readNew();
    }

    private List<String> scan(String prefix) {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(BATCH).build())) {
            cursor.forEachRemaining(keys::add);
        }
        return keys;
    }

    private void readNew() {
        while (true) {
            List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                    .read(StreamReadOptions.empty().count(BATCH), StreamOffset.create(STREAM, ReadOffset.from(lastId)));
            if (records == null || records.isEmpty()) {
                return;
            }
            for (MapRecord<String, Object, Object> record : records) {
                apply(record.getValue());
                lastId = record.getId().getValue();
            }
            if (records.size() < BATCH) {
                return;
            }
        }
    }

    private void apply(Map<Object, Object> entry) {
        Object jti = entry.get("jti");
        if (jti != null) {
            tokens.add(jti.toString());
        }
        Object user = entry.get("user");
        Object before = entry.get("before");
        if (user != null && before != null) {
            userCutoffs.put(user.toString(), before.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "token-revocations");
            thread.setDaemon(true);
            return thread;
        });
        reader = executor;
        executor.scheduleWithFixedDelay(this::sync, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = reader;
        reader = null;
        synced = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }
}
