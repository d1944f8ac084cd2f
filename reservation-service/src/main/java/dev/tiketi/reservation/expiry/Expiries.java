package dev.tiketi.reservation.expiry;

import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservationEvents;
import dev.tiketi.reservation.booking.Reservations;
import dev.tiketi.reservation.booking.SeatsChanged;
import dev.tiketi.reservation.booking.ShoppingEnded;
import dev.tiketi.reservation.config.ReservationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Holds not paid in time become EXPIRED, a batch per transaction: the rows are locked with
 * {@code SKIP LOCKED}, so instances running this side by side expire different reservations, and a
 * reservation a payment is confirming right now is left for the next round.
 */
@Service
public class Expiries {

    private final Reservations reservations;
    private final ReservationEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final int batchSize;

    Expiries(Reservations reservations, ReservationEvents events, ApplicationEventPublisher publisher, Clock clock,
             ReservationProperties properties) {
        this.reservations = reservations;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        this.batchSize = properties.expiry().batchSize();
    }

    /**
     * Expires one batch in one transaction.
     *
     * @return how many were expired; a full batch means there may be more
     */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<Reservation> due = reservations.lockOverdueHolds(now, batchSize);
        due.forEach(hold -> expire(hold, now));
        return due.size();
    }

    /**
     * Expires a PENDING reservation read and locked in the caller's transaction: ReservationExpired in the
     * outbox with it; seats, Redis holds and the buyer's waiting-room slot freed after the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Reservation expire(Reservation hold, Instant now) {
        Reservation expired = hold.expire(now);
        reservations.save(hold, expired);
        events.expired(expired);
        publisher.publishEvent(new SeatsChanged(expired.eventId(), expired.id(), expired.seatIds(),
                SeatsChanged.Change.RELEASED));
        publisher.publishEvent(new ShoppingEnded(expired.eventId(), expired.userId()));
        return expired;
    }

    public int batchSize() {
        return batchSize;
    }
}
