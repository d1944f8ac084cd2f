package dev.tiketi.event.internal;

import dev.tiketi.event.seat.SeatQueries;
import dev.tiketi.event.status.EventStatus;
import dev.tiketi.web.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Service-to-service reads: an event's facts for queue-service's waiting rooms, and the seats event-service's
 * projection has SOLD, for tests and operators (reservation-service holds from its own copy of the catalog, built
 * from event.events). The gateway never routes {@code /internal/**}; only the services named in
 * {@code SecurityConfig} may call it, each with its service token.
 */
@RestController
class InternalEventController {

    private final JdbcClient jdbc;
    private final SeatQueries seats;

    InternalEventController(JdbcClient jdbc, SeatQueries seats) {
        this.jdbc = jdbc;
        this.seats = seats;
    }

    @GetMapping("/internal/events/{id}")
    InternalEventView event(@PathVariable UUID id) {
        return jdbc.sql("""
                        SELECT e.id, e.title, e.status, v.name AS venue_name, h.name AS hall_name, e.starts_at,
                               e.ends_at, e.sale_starts_at, e.sale_ends_at
                          FROM events e JOIN venues v ON v.id = e.venue_id JOIN halls h ON h.id = e.hall_id
                         WHERE e.id = :id""")
                .param("id", id)
                .query((rs, n) -> new InternalEventView(rs.getObject("id", UUID.class), rs.getString("title"),
                        EventStatus.valueOf(rs.getString("status")), rs.getString("venue_name"),
                        rs.getString("hall_name"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("sale_starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("sale_ends_at", OffsetDateTime.class).toInstant()))
                .optional()
                .orElseThrow(InternalEventController::eventNotFound);
    }

    @GetMapping("/internal/events/{id}/seats/sold")
    List<UUID> soldSeats(@PathVariable UUID id) {
        requireEvent(id);
        return seats.soldIds(id);
    }

    private void requireEvent(UUID id) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM events WHERE id = :id)").param("id", id)
                .query(Boolean.class).single()) {
            throw eventNotFound();
        }
    }

    private static ApiException eventNotFound() {
        return ApiException.notFound("event-not-found", "There is no such event.");
    }
}
