package dev.tiketi.reservation.catalog;

import java.util.UUID;

/**
 * A seat of the copy of the catalog, {@code price} in KRW; {@code sold} when one of this service's CONFIRMED
 * bookings has it, which is what event-service's seat status would have said, only sooner.
 */
public record CatalogSeat(UUID id, UUID eventId, String section, String row, int number, String grade, long price,
                          boolean sold) {
}
