package dev.tiketi.event.admin;

import dev.tiketi.events.CatalogEvent;
import dev.tiketi.events.CatalogFacts;
import dev.tiketi.events.EventCancelled;
import dev.tiketi.events.EventChanged;
import dev.tiketi.events.EventCreated;
import dev.tiketi.events.SaleClosed;
import dev.tiketi.events.SaleOpened;
import dev.tiketi.messaging.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one place catalog events ({@code event.events}) are written: into the outbox, in the transaction of the
 * admin change each announces (the outbox insists on one), with the event row's version after the change and
 * its facts as they now are.
 */
@Component
class CatalogEvents {

    private final Outbox outbox;
    private final EventStore events;
    private final JdbcClient jdbc;

    CatalogEvents(Outbox outbox, EventStore events, JdbcClient jdbc) {
        this.outbox = outbox;
        this.events = events;
        this.jdbc = jdbc;
    }

    void created(UUID id) {
        append(id, facts -> new EventCreated(id, facts));
    }

    void changed(UUID id) {
        append(id, facts -> new EventChanged(id, facts));
    }

    void saleOpened(UUID id) {
        append(id, facts -> new SaleOpened(id, facts));
    }

    void saleClosed(UUID id) {
        append(id, facts -> new SaleClosed(id, facts));
    }

    void cancelled(UUID id, Instant at) {
        append(id, facts -> new EventCancelled(id, facts, at));
    }

    private void append(UUID id, Function<CatalogFacts, CatalogEvent> event) {
        EventRow row = events.find(id).orElseThrow(EventAdmin::eventNotFound);
        var grades = jdbc.sql("""
                        SELECT grade, price, count(*) AS seats FROM seats WHERE event_id = :id
                         GROUP BY grade, price ORDER BY price DESC, grade""")
                .param("id", id)
                .query((rs, n) -> new CatalogFacts.Grade(rs.getString("grade"), rs.getLong("price"), rs.getInt("seats")))
                .list();
        long version = jdbc.sql("SELECT version FROM events WHERE id = :id").param("id", id).query(Long.class).single();
        outbox.append(event.apply(new CatalogFacts(row.title(), row.artist(), row.venueName(), row.hallName(),
                row.startsAt(), row.endsAt(), row.saleStartsAt(), row.saleEndsAt(), row.status().name(),
                row.seatCount(), grades)), version);
    }
}
