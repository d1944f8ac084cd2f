package dev.tiketi.event.internal;

import dev.tiketi.event.seat.SeatQueries;
import dev.tiketi.event.seat.SeatView;
import dev.tiketi.event.status.EventStatus;
import dev.tiketi.web.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Service-to-service reads for reservation-service. The gateway never routes {@code /internal/**} and the
 * NetworkPolicy admits only the services that call it; the data is what the public seat map shows anyway,
 * so no token is asked for.
 */
@RestController
class InternalEventController {

    static final int MAX_SEAT_IDS = 50;

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

    /**
     * The requested seats of the event, in the order asked for. Ids that are not seats of this event are
     * simply absent: the caller compares what it asked for with what it got.
     */
    @GetMapping("/internal/events/{id}/seats")
    List<SeatView> seats(@PathVariable UUID id, @RequestParam String ids) {
        Set<UUID> requested = parseIds(ids);
        requireEvent(id);
        Map<UUID, SeatView> found = seats.byIds(id, requested).stream()
                .collect(Collectors.toMap(SeatView::id, Function.identity()));
        List<SeatView> ordered = new ArrayList<>();
        for (UUID seatId : requested) {
            if (found.containsKey(seatId)) {
                ordered.add(found.get(seatId));
            }
        }
        return ordered;
    }

    @GetMapping("/internal/events/{id}/seats/sold")
    List<UUID> soldSeats(@PathVariable UUID id) {
        requireEvent(id);
        return seats.soldIds(id);
    }

    private static Set<UUID> parseIds(String ids) {
        Set<UUID> parsed = new LinkedHashSet<>();
        for (String part : ids.split(",", -1)) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                parsed.add(UUID.fromString(trimmed));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("ids", "Format", "must be a comma-separated list of seat ids");
            }
            if (parsed.size() > MAX_SEAT_IDS) {
                throw ApiException.invalidField("ids", "Size", "at most " + MAX_SEAT_IDS + " seat ids at once");
            }
        }
        if (parsed.isEmpty()) {
            throw ApiException.invalidField("ids", "NotEmpty", "must name at least one seat id");
        }
        return parsed;
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
