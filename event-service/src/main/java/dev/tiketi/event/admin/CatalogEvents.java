package dev.tiketi.event.admin;

import dev.tiketi.events.CatalogEvent;
import dev.tiketi.events.CatalogFacts;
import dev.tiketi.events.EventCancelled;
import dev.tiketi.events.EventChanged;
import dev.tiketi.events.EventCreated;
import dev.tiketi.events.SaleClosed;
import dev.tiketi.events.SaleOpened;
import dev.tiketi.events.SeatsGenerated;
import dev.tiketi.messaging.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one place catalog events ({@code event.events}) are written: into the outbox, in the transaction of the
 * admin change each announces (the outbox insists on one), with the event row's version after the change and
 * its facts as they now are.
 * <p>
 * A created event's seats follow its {@code EventCreated} as {@link SeatsGenerated} parts: reservation-service
 * holds seats from its own copy of them, so any change of a seat's grade or price must be announced the same
 * way, with the event's new version. Today seats are written only when the event is created.
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

    /** The event, then its seats: everything a copy of the catalog needs to hold them. */
    void created(UUID id) {
        Versioned facts = facts(id);
        outbox.append(new EventCreated(id, facts.facts()), facts.version());
        seats(id, facts);
    }

    /**
     * The event's facts and every seat again, with the event's current version: for events whose seats were never
     * announced (created before {@link SeatsGenerated} existed) or after the topic was lost. A copy that already
     * has them stays as it is.
     */
    void republished(UUID id) {
        Versioned facts = facts(id);
        outbox.append(new EventChanged(id, facts.facts()), facts.version());
        seats(id, facts);
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
        Versioned facts = facts(id);
        outbox.append(event.apply(facts.facts()), facts.version());
    }

    /** Every seat in layout order, in parts of at most {@link SeatsGenerated#MAX_SEATS}, each its own record. */
    private void seats(UUID id, Versioned facts) {
        List<SeatsGenerated.Seat> seats = jdbc.sql("""
                        SELECT id, section, row_label, number, grade, price FROM seats WHERE event_id = :id
                         ORDER BY row_position NULLS LAST, section, row_label, number""")
                .param("id", id)
                .query((rs, n) -> new SeatsGenerated.Seat(rs.getObject("id", UUID.class), rs.getString("section"),
                        rs.getString("row_label"), rs.getInt("number"), rs.getString("grade"), rs.getLong("price")))
                .list();
        int parts = (seats.size() + SeatsGenerated.MAX_SEATS - 1) / SeatsGenerated.MAX_SEATS;
        for (int part = 1; part <= parts; part++) {
            List<SeatsGenerated.Seat> some = seats.subList((part - 1) * SeatsGenerated.MAX_SEATS,
                    Math.min(seats.size(), part * SeatsGenerated.MAX_SEATS));
            outbox.append(new SeatsGenerated(id, facts.facts(), part, parts, some), facts.version());
        }
    }

    private Versioned facts(UUID id) {
        EventRow row = events.find(id).orElseThrow(EventAdmin::eventNotFound);
        var grades = jdbc.sql("""
                        SELECT grade, price, count(*) AS seats FROM seats WHERE event_id = :id
                         GROUP BY grade, price ORDER BY price DESC, grade""")
                .param("id", id)
                .query((rs, n) -> new CatalogFacts.Grade(rs.getString("grade"), rs.getLong("price"), rs.getInt("seats")))
                .list();
        long version = jdbc.sql("SELECT version FROM events WHERE id = :id").param("id", id).query(Long.class).single();
        return new Versioned(new CatalogFacts(row.title(), row.artist(), row.venueName(), row.hallName(),
                row.startsAt(), row.endsAt(), row.saleStartsAt(), row.saleEndsAt(), row.status().name(),
                row.seatCount(), grades), version);
    }

    private record Versioned(CatalogFacts facts, long version) {
    }
}
