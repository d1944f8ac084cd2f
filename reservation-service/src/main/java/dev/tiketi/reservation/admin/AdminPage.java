package dev.tiketi.reservation.admin;

import java.util.List;

/** One page of results; the same field names as a buyer's {@code ReservationPage}. */
record AdminPage<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    AdminPage {
        items = List.copyOf(items);
    }

    static <T> AdminPage<T> of(List<T> items, int page, int size, long total) {
        return new AdminPage<>(items, page, size, total, (total + size - 1) / size);
    }
}
