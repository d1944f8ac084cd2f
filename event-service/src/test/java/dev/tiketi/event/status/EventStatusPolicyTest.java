package dev.tiketi.event.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventStatusPolicyTest {

    private static final Instant SALE_START = Instant.parse("2026-03-01T11:00:00Z");
    private static final Instant SALE_END = Instant.parse("2026-03-20T11:00:00Z");
    private static final Instant END = Instant.parse("2026-03-21T13:00:00Z");

    /** Minutes relative to the sale start, the end of sale and the event's end. */
    @ParameterizedTest(name = "cancelled={0}, available={1}, at {2} -> {3}")
    @CsvSource({
            // before the sale
            "false, 100, saleStart-1m, UPCOMING",
            "false, 0, saleStart-1m, UPCOMING",
            // the sale opens at its start, inclusive
            "false, 100, saleStart, ON_SALE",
            "false, 1, saleStart+1m, ON_SALE",
            "false, 0, saleStart, SOLD_OUT",
            "false, 0, saleEnd-1m, SOLD_OUT",
            // the sale closes at its end, exclusive; sales are then over
            "false, 100, saleEnd, ENDED",
            "false, 0, saleEnd, ENDED",
            "false, 100, end-1m, ENDED",
            "false, 100, end, ENDED",
            "false, 0, end+1m, ENDED",
            // cancellation wins over everything
            "true, 100, saleStart-1m, CANCELLED",
            "true, 100, saleStart+1m, CANCELLED",
            "true, 0, saleStart+1m, CANCELLED",
            "true, 100, end+1m, CANCELLED",
    })
    void statusFollowsTheFacts(boolean cancelled, int available, String at, EventStatus expected) {
        SaleFacts facts = new SaleFacts(cancelled, SALE_START, SALE_END, END, available);
        assertThat(EventStatusPolicy.statusAt(facts, instant(at))).isEqualTo(expected);
    }

    @Test
    void theEventsEndEndsSalesEvenIfTheSaleEndWasSetLater() {
        SaleFacts facts = new SaleFacts(false, SALE_START, END.plus(Duration.ofDays(1)), END, 10);
        assertThat(EventStatusPolicy.statusAt(facts, END)).isEqualTo(EventStatus.ENDED);
        assertThat(EventStatusPolicy.statusAt(facts, END.minusSeconds(1))).isEqualTo(EventStatus.ON_SALE);
    }

    @Test
    void seatsComingBackWhileTheSaleIsOpenReopenIt() {
        Instant now = SALE_START.plus(Duration.ofDays(1));
        assertThat(EventStatusPolicy.statusAt(new SaleFacts(false, SALE_START, SALE_END, END, 0), now))
                .isEqualTo(EventStatus.SOLD_OUT);
        assertThat(EventStatusPolicy.statusAt(new SaleFacts(false, SALE_START, SALE_END, END, 1), now))
                .isEqualTo(EventStatus.ON_SALE);
    }

    private static Instant instant(String at) {
        String base = at.replaceAll("[+-].*", "");
        Instant origin = switch (base) {
            case "saleStart" -> SALE_START;
            case "saleEnd" -> SALE_END;
            case "end" -> END;
            default -> throw new IllegalArgumentException(at);
        };
        if (at.length() == base.length()) {
            return origin;
        }
        long minutes = Long.parseLong(at.substring(base.length(), at.length() - 1));
        return origin.plus(Duration.ofMinutes(minutes));
    }
}
