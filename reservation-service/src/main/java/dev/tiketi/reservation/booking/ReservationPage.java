package dev.tiketi.reservation.booking;

import java.util.List;

public record ReservationPage(List<ReservationView> items, int page, int size, long totalItems, long totalPages) {

    public ReservationPage {
        items = List.copyOf(items);
    }
}
