package dev.tiketi.reservation.admin;

import dev.tiketi.reservation.booking.Reservations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reservations as admins look them up, newest first. The filter picks ids with the indexes of V20 (by event, by
 * buyer, by creation time); the page's reservations are then read with their seats in one more query.
 */
@Service
class ReservationLookup {

    private final JdbcClient jdbc;
    private final Reservations reservations;

    ReservationLookup(JdbcClient jdbc, Reservations reservations) {
        this.jdbc = jdbc;
        this.reservations = reservations;
    }

    /** Count and rows from one snapshot, so that totals and content agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    AdminPage<AdminReservationView> page(ReservationFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("SELECT count(*) FROM reservations" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<UUID> ids = jdbc.sql("SELECT id FROM reservations" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).query(UUID.class).list();
        return AdminPage.of(reservations.byIds(ids).stream().map(AdminReservationView::of).toList(), page, size, total);
    }

    AdminReservationView detail(UUID id) {
        return reservations.find(id).map(AdminReservationView::of).orElseThrow(Reservations::notFound);
    }

    private static String where(ReservationFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.eventId() != null) {
            conditions.add("event_id = :eventId");
            params.put("eventId", filter.eventId());
        }
        if (filter.userId() != null) {
            conditions.add("user_id = :userId");
            params.put("userId", filter.userId());
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (filter.from() != null) {
            conditions.add("created_at >= :from");
            params.put("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("created_at < :to");
            params.put("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
