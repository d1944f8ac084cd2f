package dev.tiketi.reservation.catalog;

import dev.tiketi.reservation.config.ReservationProperties;
import dev.tiketi.reservation.support.Upstreams;
import dev.tiketi.testsupport.TestServiceTokens;
import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTest {

    private static final ReservationProperties CACHING = new ReservationProperties(Duration.ofMinutes(5),
            Duration.ofMinutes(1), null, new ReservationProperties.SeatMap(Duration.ofMinutes(1), Duration.ofMinutes(10),
            Duration.ofSeconds(15), Duration.ofSeconds(5)));

    private final Upstreams upstreams = Upstreams.instance();

    @Test
    void eventsAreCachedSeatsAreReadEveryTime() {
        var catalog = new EventCatalog(upstreams.baseUrl(), CACHING, TestServiceTokens.credentials("reservation-service"));
        var event = upstreams.onSale(3);

        assertThat(catalog.event(event.id()).onSale()).isTrue();
        upstreams.status(event.id(), "SOLD_OUT");
        upstreams.sold(event.id(), event.seatIds().getFirst());

        assertThat(catalog.event(event.id()).onSale()).as("cached").isTrue();
        assertThat(catalog.seats(event.id(), List.of(event.seatIds().getFirst(), UUID.randomUUID())))
                .singleElement().satisfies(seat -> assertThat(seat.sold()).isTrue());
    }

    @Test
    void anUnknownEventIsA404Problem() {
        var catalog = new EventCatalog(upstreams.baseUrl(), CACHING, TestServiceTokens.credentials("reservation-service"));
        UUID unknown = UUID.randomUUID();

        for (Runnable call : List.<Runnable>of(() -> catalog.event(unknown),
                () -> catalog.seats(unknown, List.of(UUID.randomUUID())))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("event-not-found"));
        }
    }

    @Test
    void anUnreachableEventServiceIsA503Problem() {
        var catalog = new EventCatalog("http://127.0.0.1:1", CACHING, TestServiceTokens.credentials("reservation-service"));

        assertThatThrownBy(() -> catalog.event(UUID.randomUUID())).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("event-service-unavailable");
        });
    }
}
