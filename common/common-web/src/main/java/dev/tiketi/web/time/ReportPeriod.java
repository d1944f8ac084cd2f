package dev.tiketi.web.time;

import dev.tiketi.web.problem.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days an admin report covers, {@code from} to {@code to} inclusive, in {@code zone}: by default the 30 days
 * up to today; at most {@link #MAX_DAYS}.
 */
public record ReportPeriod(ZoneId zone, LocalDate from, LocalDate to, LocalDate today) {

    /** A longer period would make an hourly series unwieldy for a browser chart. */
    public static final int MAX_DAYS = 92;

    /** @throws ApiException 400 {@code validation-failed} for a reversed or too long period */
    public static ReportPeriod of(ZoneId zone, LocalDate from, LocalDate to, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last)) {
            throw ApiException.invalidField("from", "Range", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.invalidField("to", "Range", "the period is at most " + MAX_DAYS + " days");
        }
        return new ReportPeriod(zone, first, last, today);
    }

    /** The first instant of {@code from} in the zone. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in the zone. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public Instant startOfToday() {
        return today.atStartOfDay(zone).toInstant();
    }

    public Instant endOfToday() {
        return today.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean includesToday() {
        return !today.isBefore(from) && !today.isAfter(to);
    }
}
