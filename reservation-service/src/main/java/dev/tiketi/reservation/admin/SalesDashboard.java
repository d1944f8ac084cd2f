package dev.tiketi.reservation.admin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The dashboard's sales: today and the period as totals, and the period per day and per hour (every day and
 * hour of the period, quiet ones as zeros), days and hours in {@code timezone}.
 *
 * @param eventId null for every event
 * @param to      inclusive
 */
record SalesDashboard(String timezone, UUID eventId, LocalDate from, LocalDate to, Day today, SalesFigures period,
                      List<Day> daily, List<Hour> hourly) {

    record Day(LocalDate date, SalesFigures figures) {
    }

    /** @param hour the start of the hour, with the zone's offset then */
    record Hour(OffsetDateTime hour, SalesFigures figures) {
    }
}
