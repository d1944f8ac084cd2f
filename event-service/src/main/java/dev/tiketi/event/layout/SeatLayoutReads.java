package dev.tiketi.event.layout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

/** The seat layout of an event from its seats: one read in the order of the {@code seats_position_key} index. */
@Repository
class SeatLayoutReads {

    private final JdbcClient jdbc;

    SeatLayoutReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the event does not exist. */
    @Transactional(readOnly = true)
    public Optional<SeatLayoutDocument> layout(UUID eventId) {
        SeatLayoutAssembler assembler = new SeatLayoutAssembler(eventId);
        jdbc.sql("""
                        SELECT id, section, row_label, number, grade, price, row_position FROM seats
                        WHERE event_id = :id ORDER BY section, row_label, number""")
                .param("id", eventId)
                .query(rs -> {
                    int position = rs.getInt(7);
                    assembler.add(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getLong(6), rs.wasNull() ? null : position);
                });
        if (assembler.isEmpty() && !exists(eventId)) {
            return Optional.empty();
        }
        return Optional.of(assembler.build());
    }

    private boolean exists(UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM events WHERE id = :id)").param("id", eventId)
                .query(Boolean.class).single();
    }
}
