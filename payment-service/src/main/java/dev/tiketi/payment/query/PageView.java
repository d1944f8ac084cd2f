package dev.tiketi.payment.query;

import java.util.List;

/** One page of a listing, shaped like the other services' pages. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

    static <T> PageView<T> of(List<T> content, int page, int size, long total) {
        return new PageView<>(content, page, size, total, (total + size - 1) / size);
    }
}
