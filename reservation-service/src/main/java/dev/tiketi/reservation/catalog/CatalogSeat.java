package dev.tiketi.reservation.catalog;

import java.util.UUID;

/**
 * A seat of the copy of the catalog, {@code price} in KRW. Whether it is sold is not the catalog's to say: Redis's
 * sold markers refuse it to a hold, and after them the database's unique index over live seats.
 */
public record CatalogSeat(UUID id, UUID eventId, String section, String row, int number, String grade, long price) {
}
