package dev.tiketi.event.browse;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders the event list offers, by their {@code sort} parameter value. A leading {@code -} means
 * descending. Every order ends with the start time and the id, so that pages never overlap or skip events
 * that tie.
 */
public enum EventSort {

    STARTS_AT("startsAt", "e.starts_at ASC"),
    STARTS_AT_DESC("-startsAt", "e.starts_at DESC"),
    SALE_STARTS_AT("saleStartsAt", "e.sale_starts_at ASC"),
    SALE_STARTS_AT_DESC("-saleStartsAt", "e.sale_starts_at DESC"),
    TITLE("title", "e.title ASC"),
    TITLE_DESC("-title", "e.title DESC"),
    /** Best-selling first: the share of seats sold, not the count, so that small halls can rank too. */
    POPULARITY("popularity", "(e.seat_count - e.available_count)::numeric / e.seat_count DESC");

    public static final EventSort DEFAULT = STARTS_AT;

    private final String parameter;
    private final String orderBy;

    EventSort(String parameter, String orderBy) {
        this.parameter = parameter;
        this.orderBy = orderBy;
    }

    public String parameter() {
        return parameter;
    }

    /** The ORDER BY clause: constant SQL chosen by the enum, never text from the request. */
    String orderBy() {
        return orderBy + ", e.starts_at ASC, e.id ASC";
    }

    public static Optional<EventSort> fromParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(EventSort::parameter).toList());
    }
}
