package dev.tiketi.reservation.internal;

import dev.tiketi.reservation.booking.Reservations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Service-to-service reads for payment-service. The gateway never routes {@code /internal/**} and the
 * NetworkPolicy admits only the platform's services, so no token is asked for (as event-service's).
 */
@RestController
class InternalReservationController {

    private final Reservations reservations;

    InternalReservationController(Reservations reservations) {
        this.reservations = reservations;
    }

    @GetMapping("/internal/reservations/{id}")
    InternalReservationView reservation(@PathVariable UUID id) {
        return InternalReservationView.of(reservations.find(id).orElseThrow(Reservations::notFound));
    }
}
