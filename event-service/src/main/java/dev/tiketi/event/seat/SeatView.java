package dev.tiketi.event.seat;

import java.util.UUID;

/** One seat as reservation-service snapshots it; {@code row} is the row label. */
public record SeatView(UUID id, UUID eventId, String section, String row, int number, String grade, long price,
        String status) {
}
