package dev.tiketi.queue.admin;

import java.util.List;
import java.util.UUID;

/**
 * One event's waiting room on the dashboard.
 *
 * @param admittedLastHour            admissions in the last 60 minutes (the current, partial minute included)
 * @param admissionsPerSecondLastHour {@code admittedLastHour} / 3,600
 * @param admittedPerMinute           60 counts, oldest minute first, the current minute last
 */
record EventQueueFigures(UUID eventId, long waiting, long active, boolean paused, long admittedLastHour,
                         double admissionsPerSecondLastHour, List<Long> admittedPerMinute) {
}
