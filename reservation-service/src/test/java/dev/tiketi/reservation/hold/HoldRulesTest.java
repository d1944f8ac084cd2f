package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.catalog.CatalogEvent;
import dev.tiketi.reservation.catalog.CatalogSeat;
import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldRulesTest {

    private final UUID event = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void oneToFourDifferentSeats() {
        assertThat(HoldRules.seatIds(List.of(a, b))).containsExactly(a, b);
        assertRefused(() -> HoldRules.seatIds(List.of()), 400, "validation-failed");
        assertRefused(() -> HoldRules.seatIds(List.of(a, a)), 400, "validation-failed");
        assertRefused(() -> HoldRules.seatIds(List.of(a, b, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())),
                400, "validation-failed");
    }

    @Test
    void onlyOnSale() {
        HoldRules.requireOnSale(event("ON_SALE"));
        for (String status : List.of("UPCOMING", "SOLD_OUT", "ENDED", "CANCELLED")) {
            assertRefused(() -> HoldRules.requireOnSale(event(status)), 409, "event-not-on-sale");
        }
    }

    @Test
    void theSnapshotKeepsTheAskedOrderAndRefusesForeignSeats() {
        CatalogSeat seatA = seat(a);
        CatalogSeat seatB = seat(b);

        assertThat(HoldRules.snapshot(List.of(b, a), List.of(seatA, seatB))).extracting(s -> s.seatId()).containsExactly(b, a);
        assertRefused(() -> HoldRules.snapshot(List.of(a, b), List.of(seatA)), 400, "seats-not-in-event");
    }

    private CatalogEvent event(String status) {
        return new CatalogEvent(event, "Concert", status, "Venue", "Hall", Instant.now(), Instant.now(), Instant.now(),
                Instant.now());
    }

    private CatalogSeat seat(UUID id) {
        return new CatalogSeat(id, event, "A", "1", 1, "VIP", 150_000);
    }

    private static void assertRefused(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
