package dev.tiketi.event.seat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Reads of an event's seats by status. */
@Component
public class SeatQueries {

    private final JdbcClient jdbc;

    SeatQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UUID> soldIds(UUID eventId) {
        return jdbc.sql("SELECT id FROM seats WHERE event_id = :event AND status = 'SOLD' ORDER BY id")
                .param("event", eventId)
                .query(UUID.class).list();
    }
}
