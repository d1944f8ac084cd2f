package dev.tiketi.event.seat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads of an event's seats by id and by status. */
@Component
public class SeatQueries {

    private final JdbcClient jdbc;

    SeatQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seats of the event among {@code ids}; ids of other events' seats or of no seat are left out. */
    public List<SeatView> byIds(UUID eventId, Collection<UUID> ids) {
        return jdbc.sql("""
                        SELECT id, event_id, section, row_label, number, grade, price, status
                          FROM seats WHERE event_id = :event AND id IN (:ids)""")
                .param("event", eventId)
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> new SeatView(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("section"), rs.getString("row_label"), rs.getInt("number"),
                        rs.getString("grade"), rs.getLong("price"), rs.getString("status")))
                .list();
    }

    public List<UUID> soldIds(UUID eventId) {
        return jdbc.sql("SELECT id FROM seats WHERE event_id = :event AND status = 'SOLD' ORDER BY id")
                .param("event", eventId)
                .query(UUID.class).list();
    }
}
