package dev.tiketi.reservation.admin;

import dev.tiketi.web.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sales figures from reservation-service's own rows. Two aggregates per span, one over confirmations and one
 * over refunds, each grouped by the hour in the admin's time zone and read from a partial covering index
 * ({@code reservations_sold_idx}, {@code reservations_refunded_idx}: the time, event, amount and tickets), so a
 * month of 100,000 bookings is an index-only scan (see docs/benchmarks.md). Days are summed from the hours.
 */
@Service
class SalesReport {

    /** A longer period would make the hourly series unwieldy for a browser chart. */
    static final int MAX_DAYS = 92;

    private final JdbcClient jdbc;
    private final Clock clock;

    SalesReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param from inclusive, default 29 days before today
     * @param to   inclusive, default today
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    SalesDashboard dashboard(ZoneId zone, LocalDate from, LocalDate to, UUID eventId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last)) {
            throw ApiException.invalidField("from", "Range", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.invalidField("to", "Range", "the period is at most " + MAX_DAYS + " days");
        }
        Map<LocalDateTime, SalesFigures> hours = hourly(zone, first, last, eventId);
        List<SalesDashboard.Hour> hourly = new ArrayList<>();
        Map<LocalDate, SalesFigures> days = new LinkedHashMap<>();
        for (LocalDateTime hour = first.atStartOfDay(); hour.isBefore(last.plusDays(1).atStartOfDay()); hour = hour.plusHours(1)) {
            SalesFigures figures = hours.getOrDefault(hour, SalesFigures.NONE);
            // a local hour skipped by a daylight-saving change has no instant; it is left out
            if (!zone.getRules().getValidOffsets(hour).isEmpty()) {
                hourly.add(new SalesDashboard.Hour(hour.atZone(zone).toOffsetDateTime(), figures));
            }
            days.merge(hour.toLocalDate(), figures, SalesFigures::plus);
        }
        SalesFigures period = days.values().stream().reduce(SalesFigures.NONE, SalesFigures::plus);
        SalesFigures todays = !today.isBefore(first) && !today.isAfter(last) ? days.get(today)
                : hourly(zone, today, today, eventId).values().stream().reduce(SalesFigures.NONE, SalesFigures::plus);
        return new SalesDashboard(zone.getId(), eventId, first, last, new SalesDashboard.Day(today, todays), period,
                days.entrySet().stream().map(day -> new SalesDashboard.Day(day.getKey(), day.getValue())).toList(),
                hourly);
    }

    /** Local hour → figures, only hours with sales or refunds. */
    private Map<LocalDateTime, SalesFigures> hourly(ZoneId zone, LocalDate first, LocalDate last, UUID eventId) {
        Map<String, Object> params = new HashMap<>();
        params.put("zone", zone.getId());
        params.put("from", first.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        params.put("to", last.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        String ofEvent = "";
        if (eventId != null) {
            ofEvent = " AND event_id = :eventId";
            params.put("eventId", eventId);
        }
        Map<LocalDateTime, SalesFigures> hours = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('hour', confirmed_at AT TIME ZONE :zone) AS hour, count(*) AS bookings,
                               sum(ticket_count) AS tickets, sum(total_amount) AS amount
                          FROM reservations
                         WHERE confirmed_at IS NOT NULL AND confirmed_at >= :from AND confirmed_at < :to""" + ofEvent
                        + " GROUP BY 1")
                .params(params)
                .query(rs -> {
                    hours.merge(rs.getObject("hour", LocalDateTime.class), new SalesFigures(rs.getLong("bookings"),
                            rs.getLong("tickets"), rs.getLong("amount"), 0, 0, 0), SalesFigures::plus);
                });
        jdbc.sql("""
                        SELECT date_trunc('hour', cancelled_at AT TIME ZONE :zone) AS hour, count(*) AS bookings,
                               sum(ticket_count) AS tickets, sum(total_amount) AS amount
                          FROM reservations
                         WHERE was_confirmed AND cancelled_at IS NOT NULL AND cancelled_at >= :from
                           AND cancelled_at < :to""" + ofEvent + " GROUP BY 1")
                .params(params)
                .query(rs -> {
                    hours.merge(rs.getObject("hour", LocalDateTime.class), new SalesFigures(0, 0, 0,
                            rs.getLong("bookings"), rs.getLong("tickets"), rs.getLong("amount")), SalesFigures::plus);
                });
        return hours;
    }
}
