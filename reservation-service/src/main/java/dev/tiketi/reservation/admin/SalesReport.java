package dev.tiketi.reservation.admin;

import dev.tiketi.web.time.ReportPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
 * Sales figures from reservation-service's own rows: the {@code sales_hourly} rollup (per event and UTC hour,
 * kept in the transaction of every confirmation and refund), so a month is at most 744 rows per event however many
 * bookings it had (see docs/benchmarks.md). Days are summed from the hours.
 */
@Service
class SalesReport {

    private final JdbcClient jdbc;
    private final Clock clock;

    SalesReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @see ReportPeriod#of */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    SalesDashboard dashboard(ZoneId zone, LocalDate from, LocalDate to, UUID eventId) {
        ReportPeriod report = ReportPeriod.of(zone, from, to, clock);
        LocalDate first = report.from();
        LocalDate last = report.to();
        LocalDate today = report.today();
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
        SalesFigures todays = report.includesToday() ? days.get(today)
                : hourly(zone, today, today, eventId).values().stream().reduce(SalesFigures.NONE, SalesFigures::plus);
        return new SalesDashboard(zone.getId(), eventId, first, last, new SalesDashboard.Day(today, todays), period,
                days.entrySet().stream().map(day -> new SalesDashboard.Day(day.getKey(), day.getValue())).toList(),
                hourly);
    }

    /**
     * Local hour → figures, only hours with sales or refunds. The rollup is by UTC hour; each is counted in the
     * local hour it starts in, which is exact for every zone whose offset is whole hours (Asia/Seoul, UTC, ...).
     */
    private Map<LocalDateTime, SalesFigures> hourly(ZoneId zone, LocalDate first, LocalDate last, UUID eventId) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", utcHour(first.atStartOfDay(zone).toInstant()));
        params.put("to", utcHour(last.plusDays(1).atStartOfDay(zone).toInstant()));
        String ofEvent = "";
        if (eventId != null) {
            ofEvent = " AND event_id = :eventId";
            params.put("eventId", eventId);
        }
        Map<LocalDateTime, SalesFigures> hours = new HashMap<>();
        jdbc.sql("""
                        SELECT hour, sum(bookings_sold) AS bookings_sold, sum(tickets_sold) AS tickets_sold,
                               sum(revenue) AS revenue, sum(bookings_refunded) AS bookings_refunded,
                               sum(tickets_refunded) AS tickets_refunded, sum(refunds) AS refunds
                          FROM sales_hourly
                         WHERE hour >= :from AND hour < :to""" + ofEvent + " GROUP BY hour")
                .params(params)
                .query(rs -> {
                    LocalDateTime local = rs.getObject("hour", OffsetDateTime.class).atZoneSameInstant(zone)
                            .toLocalDateTime().truncatedTo(ChronoUnit.HOURS);
                    hours.merge(local, new SalesFigures(rs.getLong("bookings_sold"), rs.getLong("tickets_sold"),
                            rs.getLong("revenue"), rs.getLong("bookings_refunded"), rs.getLong("tickets_refunded"),
                            rs.getLong("refunds")), SalesFigures::plus);
                });
        return hours;
    }

    private static OffsetDateTime utcHour(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
    }
}
