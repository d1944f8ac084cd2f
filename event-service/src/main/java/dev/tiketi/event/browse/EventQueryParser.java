package dev.tiketi.event.browse;

import dev.tiketi.event.admin.EventCategory;
import dev.tiketi.event.status.EventStatus;
import dev.tiketi.web.problem.ApiException;
import dev.tiketi.web.problem.FieldError;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns the event list's raw parameters into an {@link EventQuery}, or a 400 problem listing every bad
 * parameter. Status and category are accepted in any case; several statuses may be given as repeated
 * parameters or comma-separated.
 *
 * <p>{@code from} and {@code to} bound the event start time and take an ISO-8601 date (UTC) or date-time
 * with offset. Both are inclusive: {@code to=2026-05-31} includes events starting any time that day.
 */
public final class EventQueryParser {

    public static final Set<String> STATUSES = names(EventStatus.values());
    /** Without a status filter, cancelled events are left out: a listing is for things one can attend. */
    public static final List<String> DEFAULT_STATUSES = STATUSES.stream()
            .filter(status -> !status.equals(EventStatus.CANCELLED.name())).sorted().toList();
    public static final Set<String> CATEGORIES = names(EventCategory.values());
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep pages make the database skip ever more rows; nobody pages that far through a catalog. */
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_KEYWORD_LENGTH = 100;
    public static final int MAX_KEYWORD_WORDS = 8;
    private static final int MAX_CITY_LENGTH = 100;

    private EventQueryParser() {
    }

    public static EventQuery parse(EventListParams params) {
        List<FieldError> errors = new ArrayList<>();
        List<String> statuses = statuses(params.status(), errors);
        String category = category(params.category(), errors);
        Instant from = bound(params.from(), "from", false, errors);
        Instant before = bound(params.to(), "to", true, errors);
        if (from != null && before != null && !from.isBefore(before)) {
            errors.add(new FieldError("to", "Range", "must not be before from"));
        }
        String city = city(params.city(), errors);
        UUID venueId = venueId(params.venueId(), errors);
        String keyword = keyword(params.keyword(), errors);
        EventSort sort = sort(params.sort(), errors);
        int page = integer(params.page(), "page", 0, 0, MAX_PAGE, errors);
        int size = integer(params.size(), "size", DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields.", errors);
        }
        return new EventQuery(statuses, category, from, before, city, venueId, keyword, sort, page, size);
    }

    private static List<String> statuses(List<String> values, List<FieldError> errors) {
        Set<String> statuses = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    String status = part.trim().toUpperCase(Locale.ROOT);
                    if (status.isEmpty()) {
                        continue;
                    }
                    if (STATUSES.contains(status)) {
                        statuses.add(status);
                    } else {
                        errors.add(new FieldError("status", "Invalid", "must be one or several of " + sorted(STATUSES)));
                        return DEFAULT_STATUSES;
                    }
                }
            }
        }
        return statuses.isEmpty() ? DEFAULT_STATUSES : List.copyOf(statuses);
    }

    private static String category(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String category = value.trim().toUpperCase(Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            errors.add(new FieldError("category", "Invalid", "must be one of " + sorted(CATEGORIES)));
            return null;
        }
        return category;
    }

    /** The start of the day or the instant; for an upper bound, the end of the day or just after the instant. */
    private static Instant bound(String value, String field, boolean upper, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (upper ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            // PostgreSQL keeps microseconds; the next microsecond is the exclusive bound of an inclusive instant
            Instant instant = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
            return upper ? instant.plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeParseException | ArithmeticException e) {
            errors.add(new FieldError(field, "TypeMismatch",
                    "must be an ISO-8601 date (2026-05-01) or date-time with offset (2026-05-01T19:00:00Z)"));
            return null;
        }
    }

    private static String city(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String city = value.trim().toLowerCase(Locale.ROOT);
        if (city.length() > MAX_CITY_LENGTH) {
            errors.add(new FieldError("city", "Size", "must be at most " + MAX_CITY_LENGTH + " characters"));
            return null;
        }
        return city;
    }

    private static UUID venueId(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("venueId", "TypeMismatch", "must be a UUID"));
            return null;
        }
    }

    private static String keyword(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String keyword = SearchTerms.normalize(value);
        if (keyword.length() > MAX_KEYWORD_LENGTH) {
            errors.add(new FieldError("keyword", "Size", "must be at most " + MAX_KEYWORD_LENGTH + " characters"));
            return null;
        }
        if (SearchTerms.words(keyword).size() > MAX_KEYWORD_WORDS) {
            errors.add(new FieldError("keyword", "Size", "must be at most " + MAX_KEYWORD_WORDS + " words"));
            return null;
        }
        return keyword;
    }

    private static EventSort sort(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return EventSort.DEFAULT;
        }
        return EventSort.fromParameter(value.trim()).orElseGet(() -> {
            errors.add(new FieldError("sort", "Invalid", "must be one of " + EventSort.allowed()));
            return EventSort.DEFAULT;
        });
    }

    private static int integer(String value, String field, int fallback, int min, int max, List<FieldError> errors) {
        if (isBlank(value)) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        errors.add(new FieldError(field, "Range", "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
