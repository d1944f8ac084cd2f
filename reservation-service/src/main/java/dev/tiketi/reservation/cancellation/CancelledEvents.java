package dev.tiketi.reservation.cancellation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Events the organiser cancelled, as learnt from {@code event.events}. */
@Component
public class CancelledEvents {

    private final JdbcClient jdbc;

    CancelledEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cancelled_events WHERE event_id = :eventId)")
                .param("eventId", eventId).query(Boolean.class).single();
    }
}
