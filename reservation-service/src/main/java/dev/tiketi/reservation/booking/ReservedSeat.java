package dev.tiketi.reservation.booking;

import dev.tiketi.reservation.catalog.CatalogSeat;

import java.util.UUID;

/** A seat as it was when held: the buyer pays this price even if the catalog changes later. {@code price} in KRW. */
public record ReservedSeat(UUID seatId, String section, String row, int number, String grade, long price) {

    public static ReservedSeat of(CatalogSeat seat) {
        return new ReservedSeat(seat.id(), seat.section(), seat.row(), seat.number(), seat.grade(), seat.price());
    }
}
