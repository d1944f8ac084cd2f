package dev.tiketi.reservation.booking;

import dev.tiketi.reservation.booking.SeatsChanged.Change;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** A buyer's reservations: reading them, and cancelling a paid booking. */
@Service
class Bookings {

    private final Reservations reservations;
    private final ReservationEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Bookings(Reservations reservations, ReservationEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.reservations = reservations;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Count and rows from one snapshot, so that totals and content agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ReservationPage page(UUID userId, int page, int size) {
        long total = reservations.countOfUser(userId);
        var items = reservations.ofUser(userId, page * size, size).stream().map(ReservationView::of).toList();
        return new ReservationPage(items, page, size, total, (total + size - 1) / size);
    }

    ReservationView detail(UUID userId, UUID reservationId) {
        return ReservationView.of(reservations.findOwned(reservationId, userId).orElseThrow(Reservations::notFound));
    }

    /**
     * CONFIRMED → CANCELLED ({@code USER_CANCELLED}, wasConfirmed): the seats go back on sale and
     * payment-service refunds the payment when it reads the event.
     */
    @Transactional
    ReservationView cancel(UUID userId, UUID reservationId) {
        Reservation booking = reservations.lockOwned(reservationId, userId).orElseThrow(Reservations::notFound);
        Reservation cancelled = booking.cancelBooking(clock.instant());
        reservations.save(booking, cancelled);
        events.cancelled(cancelled);
        publisher.publishEvent(new SeatsChanged(cancelled.eventId(), cancelled.id(), cancelled.seatIds(), Change.UNSOLD));
        return ReservationView.of(cancelled);
    }
}
