package dev.tiketi.messaging.outbox;

import dev.tiketi.messaging.OutboxProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka, oldest first, on one thread per service instance.
 * <p>
 * A batch is claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without
 * waiting for each other, and holds only the oldest unpublished row of each aggregate: a later event of an
 * aggregate is claimable only once every earlier one is published, so one aggregate's events reach its
 * partition in order even with several relays. The rows are marked published in the same transaction after
 * the broker acknowledged every send (the producer is idempotent, {@code acks=all}). A crash between the
 * acknowledgement and the commit publishes those events again on the next attempt; consumers deduplicate by
 * event id ({@link dev.tiketi.messaging.inbox.Inbox}).
 */
public class OutboxRelay implements SmartLifecycle {

    /** Prometheus: {@code tiketi_outbox_publish_delay_seconds}, commit of the row to the broker's acknowledgement. */
    static final String PUBLISH_DELAY_METRIC = "tiketi.outbox.publish.delay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Timer publishDelay;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;
    private Instant nextCleanup = Instant.MIN;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
                       OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.publishDelay = Timer.builder(PUBLISH_DELAY_METRIC)
                .description("Time from an outbox row's commit to the broker's acknowledgement of its event")
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("tiketi.outbox.lag", this, OutboxRelay::oldestUnpublishedAgeSeconds)
                .description("Age in seconds of the oldest event not yet published; 0 when the outbox is drained")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("tiketi.outbox.pending", this, OutboxRelay::unpublishedCount)
                .description("Events in the outbox not yet published")
                .register(meters);
    }

    /** Asks the relay to look for rows now, e.g. because a transaction that wrote some has committed. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * Publishes one batch in a transaction of its own.
     *
     * @return how many events were published
     * @throws OutboxPublishException if the broker did not acknowledge every event; nothing is marked published
     */
    public int publishBatch() {
        return publishNext().published();
    }

    /** One batch, and whether rows are known to wait behind it. */
    private Batch publishNext() {
        Batch batch = transactions.execute(status -> {
            List<Row> rows = claimBatch();
            if (rows.isEmpty()) {
                return Batch.NONE;
            }
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sends.add(kafka.send(new ProducerRecord<>(row.topic(), row.aggregateId().toString(),
                        row.envelope().getBytes(StandardCharsets.UTF_8))));
            }
            awaitAcknowledgements(sends);
            Instant now = clock.instant();
            jdbc.sql("UPDATE outbox SET published_at = :now WHERE id IN (:ids)")
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("ids", rows.stream().map(Row::id).toList())
                    .update();
            for (Row row : rows) {
                publishDelay.record(Duration.between(row.createdAt(), now).abs());
            }
            boolean more = rows.size() == properties.batchSize() || rows.stream().anyMatch(Row::followed);
            return new Batch(rows.size(), more);
        });
        return batch == null ? Batch.NONE : batch;
    }

    private List<Row> claimBatch() {
        // followed: a later event of the aggregate waits, claimable once this one is published
        return jdbc.sql("""
                        SELECT o.id, o.topic, o.aggregate_id, o.envelope::text AS envelope, o.created_at,
                               EXISTS (SELECT 1 FROM outbox later
                                        WHERE later.aggregate_id = o.aggregate_id
                                          AND later.published_at IS NULL
                                          AND later.id > o.id) AS followed
                          FROM outbox o
                         WHERE o.published_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM outbox earlier
                                            WHERE earlier.aggregate_id = o.aggregate_id
                                              AND earlier.published_at IS NULL
                                              AND earlier.id < o.id)
                         ORDER BY o.id
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""")
                .param("limit", properties.batchSize())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"),
                        rs.getObject("aggregate_id", UUID.class), rs.getString("envelope"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("followed")))
                .list();
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new OutboxPublishException("the broker refused an event: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxPublishException("no acknowledgement from the broker within "
                    + properties.sendTimeout(), e);
        }
    }

    /** Deletes rows published longer ago than the retention, in small batches so no long lock is held. */
    int deletePublishedBefore(Instant cutoff) {
        return jdbc.sql("""
                        DELETE FROM outbox WHERE id IN (
                            SELECT id FROM outbox WHERE published_at < :cutoff LIMIT 1000)""")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }

    private void run() {
        while (running) {
            try {
                Batch batch = publishNext();
                cleanUpWhenDue();
                // Go on at once only when rows are known to wait: a full batch, or an aggregate with a later event
                // (a batch holds one row per aggregate, so an aggregate's run of events - an event's seats come in
                // up to 25 parts - takes a batch each). Otherwise the outbox had nothing more when the batch was
                // claimed, and a claim at once would find nothing: one query and one commit per batch for nothing,
                // under the sale's load a batch is about a hold. A row committed since then has woken us (a permit
                // is waiting), so it is not left for the poll. Once woken, the relay lets the gather window pass
                // first, so that the rows committed meanwhile share the batch.
                if (!batch.more()) {
                    boolean woken = wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    if (woken && properties.gatherWindow().isPositive()) {
                        Thread.sleep(properties.gatherWindow());
                    }
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox batch not published, retrying in {}: {}", properties.failureBackoff(), e.toString());
                if (!pause(properties.failureBackoff())) {
                    return;
                }
            }
        }
    }

    private void cleanUpWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(Duration.ofMinutes(10));
        int deleted = deletePublishedBefore(now.minus(properties.retention()));
        if (deleted > 0) {
            log.debug("Deleted {} published outbox rows", deleted);
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private double oldestUnpublishedAgeSeconds() {
        return jdbc.sql("SELECT min(created_at) FROM outbox WHERE published_at IS NULL")
                .query(OffsetDateTime.class)
                .optional()
                .map(oldest -> Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    private double unpublishedCount() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single();
    }

    @Override
    public void start() {
        running = true;
        Thread thread = Thread.ofPlatform().name("outbox-relay").daemon().unstarted(this::run);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long id, String topic, UUID aggregateId, String envelope, Instant createdAt,
                       boolean followed) {
    }

    /** @param more whether rows are known to wait: the batch was full, or a claimed aggregate has later events */
    private record Batch(int published, boolean more) {

        static final Batch NONE = new Batch(0, false);
    }

    /** The broker did not take a batch; it stays in the outbox and is tried again. */
    public static class OutboxPublishException extends RuntimeException {

        OutboxPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
