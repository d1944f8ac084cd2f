package dev.tiketi.event.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.UUID;

/**
 * Announces again, one event per transaction, the events queued in {@code catalog_republish}: after the upgrade
 * that introduced {@code SeatsGenerated}, every event created before it (its seats had never been announced),
 * and whatever an operator queues. Each event is locked like an admin change, so its announcement carries the
 * version its row has and no concurrent change interleaves; instances share the queue with
 * {@code SKIP LOCKED}.
 */
@Component
class CatalogRepublisher {

    private static final Logger log = LoggerFactory.getLogger(CatalogRepublisher.class);

    private final JdbcClient jdbc;
    private final EventStore events;
    private final CatalogEvents catalogEvents;
    private final TransactionTemplate transactions;

    CatalogRepublisher(JdbcClient jdbc, EventStore events, CatalogEvents catalogEvents, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.catalogEvents = catalogEvents;
        this.transactions = transactions;
    }

    /** @return how many events were announced again */
    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "PT30S")
    int drain() {
        int done = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> republishOne()))) {
            done++;
        }
        if (done > 0) {
            log.info("Announced {} event(s) again on event.events with their seats", done);
        }
        return done;
    }

    private boolean republishOne() {
        Optional<UUID> next = jdbc.sql("""
                        SELECT event_id FROM catalog_republish ORDER BY event_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .query(UUID.class).optional();
        next.ifPresent(id -> {
            events.lock(id).ifPresent(event -> catalogEvents.republished(id));
            jdbc.sql("DELETE FROM catalog_republish WHERE event_id = :id").param("id", id).update();
        });
        return next.isPresent();
    }
}
