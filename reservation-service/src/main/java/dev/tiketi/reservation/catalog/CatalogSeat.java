package dev.tiketi.reservation.catalog;

import java.util.UUID;

/** A seat as event-service's internal endpoint describes it; {@code price} in KRW, {@code status} AVAILABLE or SOLD. */
public record CatalogSeat(UUID id, UUID eventId, String section, String row, int number, String grade, long price,
                          String status) {

    public boolean sold() {
        return "SOLD".equals(status);
    }
}
