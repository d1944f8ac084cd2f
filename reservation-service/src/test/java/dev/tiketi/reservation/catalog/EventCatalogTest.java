package dev.tiketi.reservation.catalog;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a hold reads of the catalog, all from this service's copy of it. */
class EventCatalogTest extends ReservationIntegrationTest {

    @Autowired
    private EventCatalog events;

    @Test
    void seatsComeWithTheirPriceAndIdsOfNoSeatOfTheEventAreLeftOut() {
        TestEvent event = catalog.onSale(3);

        List<CatalogSeat> seats = events.seats(event.id(), List.of(event.seatIds().get(0), event.seatIds().get(1),
                UUID.randomUUID()));

        assertThat(seats).extracting(CatalogSeat::id).containsExactlyInAnyOrder(event.seatIds().get(0), event.seatIds().get(1));
        assertThat(seats).allSatisfy(seat -> assertThat(seat.price()).isEqualTo(100_000));
    }

    /**
     * Seats read once are served from memory while the event's version in the copy stays the same (a change made
     * under it, as here behind the copy's back, goes unseen); every write of a seat writes a new version of its
     * event, and with it the seat is read again.
     */
    @Test
    void aSeatIsReadAgainOnceItsEventHasANewVersionInTheCopy() {
        TestEvent event = catalog.onSale(3);
        UUID seat = event.seatIds().get(0);
        assertThat(events.seats(event.id(), List.of(seat))).singleElement()
                .satisfies(read -> assertThat(read.price()).isEqualTo(100_000));

        jdbc.sql("UPDATE catalog_seats SET price = 120000 WHERE event_id = :event AND seat_id = :seat")
                .param("event", event.id()).param("seat", seat).update();
        assertThat(events.seats(event.id(), List.of(seat))).singleElement()
                .satisfies(read -> assertThat(read.price()).as("from memory").isEqualTo(100_000));

        jdbc.sql("UPDATE catalog_events SET version = version + 1 WHERE event_id = :event")
                .param("event", event.id()).update();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events.seats(event.id(), List.of(seat))).singleElement()
                        .satisfies(read -> assertThat(read.price()).isEqualTo(120_000)));
    }

    @Test
    void anEventCreatedAMomentAgoIsWaitedForNotRefused() {
        // on the topic, not yet in the copy: the relay and the consumer take their few milliseconds
        TestEvent event = catalog.announce(5, Instant.now().plus(Duration.ofDays(30)));

        assertThat(events.event(event.id()).onSale()).isTrue();
        assertThat(events.seats(event.id(), event.seats(4))).singleElement()
                .satisfies(seat -> assertThat(seat.id()).isEqualTo(event.seatIds().get(4)));
    }

    @Test
    void anUnknownEventIsA404AfterABoundedWaitThenAtOnce() {
        UUID unknown = UUID.randomUUID();

        long started = System.nanoTime();
        assertNotFound(() -> events.event(unknown));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        started = System.nanoTime();
        assertNotFound(() -> events.event(unknown));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("remembered as unknown").isLessThan(Duration.ofMillis(200));
    }

    @Test
    void madeUpIdsDoNotTieUpMoreThanTheWaitersAllowed() throws Exception {
        // 16 may wait (application.yml); the 48 others are answered at once
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Duration>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(executor.submit((Callable<Duration>) () -> {
                    long started = System.nanoTime();
                    assertNotFound(() -> events.event(UUID.randomUUID()));
                    return Duration.ofNanos(System.nanoTime() - started);
                }));
            }
            long quick = 0;
            for (Future<Duration> call : calls) {
                if (call.get().compareTo(Duration.ofMillis(1_000)) < 0) {
                    quick++;
                }
            }
            assertThat(quick).isGreaterThanOrEqualTo(64 - 16);
        }
    }

    @Test
    void aChangeReachesTheHoldsWithinTheCacheTime() {
        TestEvent event = catalog.onSale(3);
        assertThat(events.event(event.id()).onSale()).isTrue();

        catalog.closeSale(event.id());

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> "ENDED".equals(events.event(event.id()).status()));
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("event-not-found");
        });
    }
}
