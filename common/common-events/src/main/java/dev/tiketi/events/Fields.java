package dev.tiketi.events;

import java.util.List;
import java.util.Objects;

/** Checks shared by the payload records, so that an invalid payload fails where it is built or read. */
final class Fields {

    private Fields() {
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    /** An immutable copy; rejects a missing or empty list and missing elements. */
    static <T> List<T> nonEmpty(List<T> values, String field) {
        required(values, field);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " must not contain null");
        }
        return List.copyOf(values);
    }

    static long amount(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return value;
    }
}
