package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.booking.ReservationView;
import dev.tiketi.security.AuthenticatedUser;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** The buyer's holds. Holding is rate-limited (20/min/user, with paying) by the gateway. */
@RestController
class HoldController {

    private final Holds holds;

    HoldController(Holds holds) {
        this.holds = holds;
    }

    /** The reservation, and the payment token ({@code qp_…}) to pay for it with. */
    record HoldView(ReservationView reservation, String paymentToken, Instant paymentTokenExpiresAt) {
    }

    @PostMapping("/api/reservations")
    ResponseEntity<HoldView> hold(@Valid @RequestBody HoldRequest request, @AuthenticationPrincipal Jwt jwt) {
        Holds.Hold hold = holds.hold(AuthenticatedUser.from(jwt).id(), request.eventId(), request.seatIds(),
                request.admissionToken());
        return ResponseEntity.created(URI.create("/api/reservations/" + hold.reservation().id()))
                .body(new HoldView(ReservationView.of(hold.reservation()), hold.paymentToken().paymentToken(),
                        hold.paymentToken().expiresAt()));
    }

    @PutMapping("/api/reservations/{id}/seats")
    ReservationView changeSeats(@PathVariable UUID id, @Valid @RequestBody ChangeSeatsRequest request,
                                @AuthenticationPrincipal Jwt jwt) {
        return ReservationView.of(holds.changeSeats(AuthenticatedUser.from(jwt).id(), id, request.seatIds()));
    }

    @DeleteMapping("/api/reservations/{id}")
    ResponseEntity<Void> release(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        holds.release(AuthenticatedUser.from(jwt).id(), id);
        return ResponseEntity.noContent().build();
    }
}
