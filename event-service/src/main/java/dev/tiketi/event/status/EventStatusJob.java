package dev.tiketi.event.status;

import dev.tiketi.event.catalog.EventChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves events whose status is due to change: the sale opened or closed, the event ended, the last seat sold
 * or a seat came back. Candidates are picked with {@code FOR UPDATE SKIP LOCKED}, so several instances can
 * run the job at once without doing the same event twice or waiting on each other; the rule itself is
 * {@link EventStatusPolicy}.
 */
@Component
public class EventStatusJob {

    private static final Logger log = LoggerFactory.getLogger(EventStatusJob.class);

    /** Every event whose stored status may differ from the policy's; CANCELLED and ENDED never move by time. */
    private static final String DUE = """
            SELECT id, status, sale_starts_at, sale_ends_at, ends_at, available_count
              FROM events
             WHERE (status = 'UPCOMING' AND sale_starts_at <= :now)
                OR (status IN ('ON_SALE', 'SOLD_OUT') AND (sale_ends_at <= :now OR ends_at <= :now))
                OR (status = 'ON_SALE' AND available_count = 0)
                OR (status = 'SOLD_OUT' AND available_count > 0)
             ORDER BY sale_starts_at
             LIMIT :limit
               FOR UPDATE SKIP LOCKED
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final EventStatusProperties properties;

    EventStatusJob(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher publisher, Clock clock,
            EventStatusProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
    }

    /** One pass over everything due; returns the ids of the events whose status changed. */
    public List<UUID> run() {
        List<UUID> changed = new ArrayList<>();
        List<UUID> batch;
        do {
            batch = transactions.execute(status -> applyBatch());
            changed.addAll(batch);
        } while (batch.size() == properties.batchSize());
        if (!changed.isEmpty()) {
            log.info("Status of {} event(s) changed", changed.size());
        }
        return changed;
    }

    /** Brings one event's status in line at once, e.g. when its available seats changed. */
    public boolean refresh(UUID eventId) {
        Boolean changed = transactions.execute(status -> {
            Instant now = now();
            return jdbc.sql("""
                            SELECT id, status, sale_starts_at, sale_ends_at, ends_at, available_count
                              FROM events WHERE id = :id FOR UPDATE""")
                    .param("id", eventId)
                    .query(EventStatusJob::candidate).optional()
                    .map(candidate -> apply(candidate, now))
                    .orElse(false);
        });
        return Boolean.TRUE.equals(changed);
    }

    private List<UUID> applyBatch() {
        Instant now = now();
        List<Candidate> due = jdbc.sql(DUE)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", properties.batchSize())
                .query(EventStatusJob::candidate).list();
        return due.stream().filter(candidate -> apply(candidate, now)).map(Candidate::id).toList();
    }

    private boolean apply(Candidate candidate, Instant now) {
        EventStatus next = EventStatusPolicy.statusAt(candidate.facts(), now);
        if (next == candidate.status()) {
            return false;
        }
        jdbc.sql("UPDATE events SET status = :status, version = version + 1, updated_at = :now WHERE id = :id")
                .param("status", next.name())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", candidate.id())
                .update();
        publisher.publishEvent(new EventChanged(candidate.id()));
        log.debug("Event {} moved from {} to {}", candidate.id(), candidate.status(), next);
        return true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Candidate candidate(ResultSet rs, int rowNum) throws SQLException {
        EventStatus status = EventStatus.valueOf(rs.getString("status"));
        return new Candidate(rs.getObject("id", UUID.class), status, new SaleFacts(status == EventStatus.CANCELLED,
                rs.getObject("sale_starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("sale_ends_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getInt("available_count")));
    }

    private record Candidate(UUID id, EventStatus status, SaleFacts facts) {
    }
}
