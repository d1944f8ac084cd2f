package dev.tiketi.event.admin;

import dev.tiketi.web.problem.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How an event's four times must relate: the event ends after it starts; the sale opens before the event
 * starts and closes after it opens, at the latest when the event ends. A new event (or a moved start)
 * must start in the future. Times are kept within a plausible range so that nothing out of the database's
 * range reaches it.
 */
public final class EventRules {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Duration HORIZON = Duration.ofDays(366L * 10);

    private EventRules() {
    }

    public static List<FieldError> validate(Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt,
            boolean mustStartInFuture, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Instant latest = now.plus(HORIZON);
        checkRange("startsAt", startsAt, latest, errors);
        checkRange("endsAt", endsAt, latest, errors);
        checkRange("saleStartsAt", saleStartsAt, latest, errors);
        checkRange("saleEndsAt", saleEndsAt, latest, errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (mustStartInFuture && !startsAt.isAfter(now)) {
            errors.add(new FieldError("startsAt", "Future", "must be in the future"));
        }
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "AfterStart", "must be after startsAt"));
        }
        if (!saleStartsAt.isBefore(startsAt)) {
            errors.add(new FieldError("saleStartsAt", "BeforeStart", "must be before startsAt"));
        }
        if (!saleEndsAt.isAfter(saleStartsAt)) {
            errors.add(new FieldError("saleEndsAt", "AfterSaleStart", "must be after saleStartsAt"));
        } else if (saleEndsAt.isAfter(endsAt)) {
            errors.add(new FieldError("saleEndsAt", "NotAfterEnd", "must not be after endsAt"));
        }
        return errors;
    }

    private static void checkRange(String field, Instant value, Instant latest, List<FieldError> errors) {
        if (value.isBefore(EARLIEST) || value.isAfter(latest)) {
            errors.add(new FieldError(field, "Range", "must be between " + EARLIEST + " and ten years from now"));
        }
    }
}
