package dev.tiketi.reservation.config;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reservation-service answers no /internal call: payment-service, which used to read a reservation here on every
 * payment, keeps its own copy fed by reservation.events. Not even its service token opens the old path.
 */
class InternalApiTest extends ReservationIntegrationTest {

    @Test
    void theOldReservationLookupIsClosedToEveryone() {
        UUID buyer = UUID.randomUUID();
        TestEvent event = catalog.onSale(2);
        UUID id = held(buyer, event.id(), event.seats(0));

        var asPaymentService = internalGet("/internal/reservations/" + id);

        assertThat(asPaymentService.statusCode()).as(asPaymentService.body()).isIn(401, 403);
        assertThat(asPaymentService.body()).doesNotContain(buyer.toString());
        assertThat(call("GET", "/internal/reservations/" + id, buyer, null).statusCode()).isEqualTo(403);
    }
}
