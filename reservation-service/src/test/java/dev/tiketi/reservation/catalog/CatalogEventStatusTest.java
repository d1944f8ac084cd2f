package dev.tiketi.reservation.catalog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The status a hold judges is computed from the copied periods at the moment of the hold. */
class CatalogEventStatusTest {

    private static final Instant SALE_STARTS = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant SALE_ENDS = SALE_STARTS.plus(Duration.ofDays(10));
    private static final Instant ENDS = SALE_ENDS.plus(Duration.ofDays(1));

    @Test
    void upcomingBeforeTheSaleOnSaleFromItsStartEndedFromItsEnd() {
        assertThat(at(SALE_STARTS.minusMillis(1))).isEqualTo("UPCOMING");
        assertThat(at(SALE_STARTS)).isEqualTo("ON_SALE");
        assertThat(at(SALE_ENDS.minusMillis(1))).isEqualTo("ON_SALE");
        assertThat(at(SALE_ENDS)).isEqualTo("ENDED");
        assertThat(at(ENDS.plusSeconds(1))).isEqualTo("ENDED");
    }

    @Test
    void theEventsEndEndsTheSaleToo() {
        Instant endsEarly = SALE_STARTS.plus(Duration.ofDays(1));
        assertThat(CatalogEvent.statusAt(false, SALE_STARTS, SALE_ENDS, endsEarly, endsEarly)).isEqualTo("ENDED");
    }

    @Test
    void cancelledIsFinalWhateverTheTime() {
        for (Instant now : new Instant[]{SALE_STARTS.minusSeconds(1), SALE_STARTS, ENDS.plusSeconds(1)}) {
            assertThat(CatalogEvent.statusAt(true, SALE_STARTS, SALE_ENDS, ENDS, now)).isEqualTo("CANCELLED");
        }
    }

    @Test
    void aCopiedRowIsJudgedAtTheTimeItIsRead() {
        var row = new CopiedEvent(java.util.UUID.randomUUID(), 3, "Concert", "Venue", "Hall", ENDS.minusSeconds(7200),
                ENDS, SALE_STARTS, SALE_ENDS, "UPCOMING", 100, 100);
        // the status event-service had at the change is stale once the sale has opened
        assertThat(row.at(SALE_STARTS.plusSeconds(1)).onSale()).isTrue();
        assertThat(row.seatsComplete()).isTrue();
        assertThat(new CopiedEvent(row.id(), 3, "Concert", "Venue", "Hall", ENDS.minusSeconds(7200), ENDS,
                SALE_STARTS, SALE_ENDS, "SOLD_OUT", 100, 40).seatsComplete()).isFalse();
    }

    private static String at(Instant now) {
        return CatalogEvent.statusAt(false, SALE_STARTS, SALE_ENDS, ENDS, now);
    }
}
