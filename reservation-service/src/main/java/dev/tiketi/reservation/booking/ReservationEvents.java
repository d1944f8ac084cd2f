package dev.tiketi.reservation.booking;

import dev.tiketi.events.EventPayload;
import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.ReservationHeld;
import dev.tiketi.events.ReservationPaymentRejected;
import dev.tiketi.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The one place reservation events are written: into the outbox, in the transaction of the change each
 * describes (the outbox insists on one), with the reservation's version after that change.
 */
@Component
public class ReservationEvents {

    private final Outbox outbox;

    ReservationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Also after a seat change: the reservation's seats and total as they now are (the newest version wins). The
     * event's title rides along for payment-service's copy of the reservation (it names the PG order).
     */
    public void held(Reservation r) {
        append(new ReservationHeld(r.id(), r.eventId(), r.userId(),
                r.seats().stream().map(seat -> new ReservationHeld.Seat(seat.seatId(), seat.grade(), seat.price())).toList(),
                r.totalAmount(), r.holdExpiresAt(), r.event().title()), r.version());
    }

    public void confirmed(Reservation r) {
        append(new ReservationConfirmed(r.id(), r.eventId(), r.userId(), r.seatIds(), r.totalAmount()), r.version());
    }

    public void cancelled(Reservation r) {
        append(new ReservationCancelled(r.id(), r.eventId(), r.userId(), r.seatIds(), r.cancelReason(), r.wasConfirmed()),
                r.version());
    }

    public void expired(Reservation r) {
        append(new ReservationExpired(r.id(), r.eventId(), r.userId(), r.seatIds()), r.version());
    }

    /** The reservation did not change: the event carries its current version. */
    public void paymentRejected(Reservation r, UUID paymentId, long amount, String reason) {
        append(new ReservationPaymentRejected(r.id(), r.eventId(), r.userId(), paymentId, amount, reason), r.version());
    }

    private void append(EventPayload payload, long version) {
        outbox.append(payload, version);
    }
}
