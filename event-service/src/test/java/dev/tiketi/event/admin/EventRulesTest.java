package dev.tiketi.event.admin;

import dev.tiketi.web.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(30));
    private static final Instant END = START.plus(Duration.ofHours(3));

    @Test
    void aWellFormedScheduleIsAccepted() {
        assertThat(fields(START, END, NOW.minusSeconds(60), START, true)).isEmpty();
        assertThat(fields(START, END, NOW.plusSeconds(60), END, true)).isEmpty();
    }

    @Test
    void theEventEndsAfterItStarts() {
        assertThat(fields(START, START, NOW, START.minusSeconds(1), true)).containsExactly("endsAt");
    }

    @Test
    void theSaleOpensBeforeTheEventAndClosesAfterItOpensButNotAfterTheEvent() {
        assertThat(fields(START, END, START, END, true)).containsExactly("saleStartsAt");
        assertThat(fields(START, END, NOW, NOW, true)).containsExactly("saleEndsAt");
        assertThat(fields(START, END, NOW, END.plusSeconds(1), true)).containsExactly("saleEndsAt");
    }

    @Test
    void aNewEventStartsInTheFutureButAnEditMayKeepAPastStart() {
        Instant past = NOW.minus(Duration.ofDays(1));
        assertThat(fields(past, END, past.minusSeconds(60), END, true)).containsExactly("startsAt");
        assertThat(fields(past, END, past.minusSeconds(60), END, false)).isEmpty();
    }

    @Test
    void timesStayWithinAPlausibleRange() {
        assertThat(fields(NOW.plus(Duration.ofDays(366 * 11)), NOW.plus(Duration.ofDays(366 * 11 + 1)), NOW,
                END, true)).containsExactly("startsAt", "endsAt");
        assertThat(fields(START, END, Instant.parse("1999-12-31T23:59:59Z"), START, true)).containsExactly("saleStartsAt");
    }

    private static List<String> fields(Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt,
            boolean mustStartInFuture) {
        return EventRules.validate(startsAt, endsAt, saleStartsAt, saleEndsAt, mustStartInFuture, NOW).stream()
                .map(FieldError::field).toList();
    }
}
