package dev.tiketi.reservation.cancellation;

import dev.tiketi.events.EventCancelled;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.messaging.inbox.Inbox;
import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservationEvents;
import dev.tiketi.reservation.booking.ReservationStatus;
import dev.tiketi.reservation.booking.Reservations;
import dev.tiketi.reservation.booking.SeatsChanged;
import dev.tiketi.reservation.booking.ShoppingEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * An event's cancellation, the reservation side: every live reservation of the event is cancelled with reason
 * {@code EVENT_CANCELLED} — a hold's seats are freed, a booking's seats are for sale no more but its
 * {@code ReservationCancelled} (wasConfirmed) makes payment-service refund it — each with its event in the
 * outbox.
 * <p>
 * A large event has tens of thousands of bookings, so they are cancelled in batches of their own
 * transactions rather than one that holds every row lock for minutes. The event is recorded as cancelled
 * first: from then on a payment that succeeds for any of its reservations is refused and refunded
 * ({@link CancelledEvents}), so a hold slipping in while the batches run cannot become a booking. Walking the
 * live reservations is idempotent by itself, so the inbox entry comes last: a crash in between means a
 * redelivery that finishes the walk.
 */
@Service
public class EventCancellations {

    private static final Logger log = LoggerFactory.getLogger(EventCancellations.class);
    static final int BATCH = 200;

    private final Inbox inbox;
    private final Reservations reservations;
    private final ReservationEvents events;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EventCancellations(Inbox inbox, Reservations reservations, ReservationEvents events,
                       ApplicationEventPublisher publisher, JdbcClient jdbc, TransactionTemplate transactions,
                       Clock clock) {
        this.inbox = inbox;
        this.reservations = reservations;
        this.events = events;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return how many reservations this delivery cancelled */
    public int apply(EventEnvelope envelope, EventCancelled cancelled) {
        UUID eventId = cancelled.eventId();
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO cancelled_events (event_id, cancelled_at) VALUES (:eventId, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", eventId).param("at", cancelled.cancelledAt().atOffset(ZoneOffset.UTC)).update());
        int total = 0;
        int batch;
        do {
            batch = transactions.execute(status -> cancelBatch(eventId));
            total += batch;
        } while (batch == BATCH);
        transactions.executeWithoutResult(status -> inbox.markProcessed(envelope));
        log.info("Event {} cancelled: {} live reservations cancelled by event {}", eventId, total, envelope.eventId());
        return total;
    }

    private int cancelBatch(UUID eventId) {
        Instant now = clock.instant();
        List<Reservation> live = reservations.lockLiveOfEvent(eventId, BATCH);
        for (Reservation reservation : live) {
            Reservation cancelled = reservation.cancelForEvent(now);
            reservations.save(reservation, cancelled);
            events.cancelled(cancelled);
            boolean wasHold = reservation.status() == ReservationStatus.PENDING;
            publisher.publishEvent(new SeatsChanged(eventId, cancelled.id(), cancelled.seatIds(),
                    wasHold ? SeatsChanged.Change.RELEASED : SeatsChanged.Change.UNSOLD));
            if (wasHold) {
                publisher.publishEvent(new ShoppingEnded(eventId, cancelled.userId()));
            }
        }
        return live.size();
    }
}
