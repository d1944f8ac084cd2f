package dev.tiketi.reservation.booking;

import dev.tiketi.security.AuthenticatedUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** "My bookings": a buyer sees only their own; anyone else's reservation is 404, as if it did not exist. */
@RestController
class BookingController {

    private final Bookings bookings;

    BookingController(Bookings bookings) {
        this.bookings = bookings;
    }

    @GetMapping("/api/reservations")
    ReservationPage mine(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                         @AuthenticationPrincipal Jwt jwt) {
        return bookings.page(AuthenticatedUser.from(jwt).id(), page, size);
    }

    @GetMapping("/api/reservations/{id}")
    ReservationView detail(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return bookings.detail(AuthenticatedUser.from(jwt).id(), id);
    }

    @PostMapping("/api/reservations/{id}/cancel")
    ReservationView cancel(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return bookings.cancel(AuthenticatedUser.from(jwt).id(), id);
    }
}
