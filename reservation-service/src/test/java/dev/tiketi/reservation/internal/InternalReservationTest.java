package dev.tiketi.reservation.internal;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import dev.tiketi.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InternalReservationTest extends ReservationIntegrationTest {

    @Test
    void paymentServiceReadsAReservationWithoutAToken() {
        UUID buyer = UUID.randomUUID();
        TestEvent event = catalog.onSale(4);
        var held = hold(buyer, event.id(), event.seats(0, 1));
        UUID id = UUID.fromString(json(held, "$.reservation.id"));

        var response = internalGet("/internal/reservations/" + id);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response, "$.id").toString()).isEqualTo(id.toString());
        assertThat(json(response, "$.userId").toString()).isEqualTo(buyer.toString());
        assertThat(json(response, "$.eventId").toString()).isEqualTo(event.id().toString());
        assertThat(json(response, "$.status").toString()).isEqualTo("PENDING");
        assertThat(json(response, "$.totalAmount").toString()).isEqualTo("200000");
        assertThat(Instant.parse(json(response, "$.holdExpiresAt")))
                .isEqualTo(Instant.parse(json(held, "$.reservation.holdExpiresAt")));
        assertThat(json(response, "$.eventTitle").toString()).isEqualTo("Test concert");
        assertThat(json(response, "$.eventStartsAt").toString()).isNotBlank();
        assertThat(json(response, "$.seats[*].seatId").toString()).contains(event.seatIds().getFirst().toString());
        assertThat(json(response, "$.seats[0]").toString()).contains("section=A", "row=1", "grade=VIP", "price=100000");
    }

    @Test
    void anUnknownReservationIsA404Problem() {
        assertProblem(internalGet("/internal/reservations/" + UUID.randomUUID()), 404, "reservation-not-found");
        assertProblem(internalGet("/internal/reservations/not-a-uuid"), 400, "validation-failed");
    }

    @Test
    void onlyPaymentServiceMayReadAReservation() {
        String path = "/internal/reservations/" + UUID.randomUUID();
        assertProblem(call("GET", path, null, null), 401, "authentication-required");
        assertProblem(call("GET", path, UUID.randomUUID(), null), 403, "access-denied");
        assertProblem(TestHttp.callAsService(URI.create("http://localhost:" + port + path), "GET", "event-service", null),
                401, "authentication-required");
        assertProblem(internalGet(path), 404, "reservation-not-found");
    }
}
