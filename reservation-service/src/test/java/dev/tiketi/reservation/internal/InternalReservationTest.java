package dev.tiketi.reservation.internal;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.Upstreams.TestEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InternalReservationTest extends ReservationIntegrationTest {

    @Test
    void paymentServiceReadsAReservationWithoutAToken() {
        UUID buyer = UUID.randomUUID();
        TestEvent event = upstreams.onSale(4);
        var held = hold(buyer, event.id(), event.seats(0, 1));
        UUID id = UUID.fromString(json(held, "$.reservation.id"));

        var response = call("GET", "/internal/reservations/" + id, null, null);

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
        assertProblem(call("GET", "/internal/reservations/" + UUID.randomUUID(), null, null), 404, "reservation-not-found");
        assertProblem(call("GET", "/internal/reservations/not-a-uuid", null, null), 400, "validation-failed");
    }
}
