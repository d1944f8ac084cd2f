package dev.tiketi.event.seatstatus;

import dev.tiketi.event.catalog.SeatsChanged;
import dev.tiketi.event.seatstatus.SeatStatusRules.Seat;
import dev.tiketi.event.seatstatus.SeatStatusRules.SeatChange;
import dev.tiketi.event.seatstatus.SeatStatusRules.SeatStatus;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.ReservationHeld;
import dev.tiketi.events.ReservationPaymentRejected;
import dev.tiketi.messaging.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Keeps seats (AVAILABLE/SOLD) and each event's available count in step with reservation events.
 * Each event is applied at most once: its id goes into {@code processed_events} in the same transaction
 * as the seat changes, so a redelivery or a replay of the topic finds it there and changes nothing.
 * Publishes {@link SeatsChanged} inside the transaction: the status rule reacts to it there (sold out, or
 * back on sale), caches after commit.
 */
@Service
public class SeatStatusProjection {

    /** What applying an event did. */
    public enum Outcome { APPLIED, ALREADY_PROCESSED }

    private static final Logger log = LoggerFactory.getLogger(SeatStatusProjection.class);

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public SeatStatusProjection(JdbcClient jdbc, Inbox inbox, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether the event can change a seat here: a confirmed booking, or the cancellation of one. Holds live in
     * reservation-service (Redis); until a booking is confirmed no seat here is SOLD, so a hold taken, expired or
     * released before payment changes nothing, and a rejected payment leaves the reservation as it was.
     */
    public static boolean changesSeats(ReservationEvent event) {
        return event instanceof ReservationConfirmed
                || (event instanceof ReservationCancelled cancelled && cancelled.wasConfirmed());
    }

    @Transactional
    public Outcome apply(EventEnvelope envelope, ReservationEvent event) {
        Instant now = clock.instant();
        if (!inbox.markProcessed(envelope)) {
            log.debug("Event {} ({}) already processed", envelope.eventId(), envelope.eventType());
            return Outcome.ALREADY_PROCESSED;
        }
        switch (event) {
            case ReservationConfirmed confirmed ->
                    changeSeats(confirmed.eventId(), confirmed.reservationId(), confirmed.seatIds(), now,
                            SeatStatusRules::sell);
            case ReservationCancelled cancelled when cancelled.wasConfirmed() ->
                    changeSeats(cancelled.eventId(), cancelled.reservationId(), cancelled.seatIds(), now,
                            SeatStatusRules::release);
            // Holds live in reservation-service (Redis); until a booking is confirmed no seat here is SOLD,
            // so a hold taken, expired or released before payment changes nothing in this projection.
            case ReservationCancelled unpaid -> {
            }
            case ReservationHeld held -> {
            }
            case ReservationExpired expired -> {
            }
            // the reservation stays as it was; its refund is payment-service's business
            case ReservationPaymentRejected rejected -> {
            }
        }
        return Outcome.APPLIED;
    }

    private void changeSeats(UUID eventId, UUID reservationId, List<UUID> seatIds, Instant now,
                             BiFunction<UUID, List<Seat>, SeatChange> rule) {
        // The event row is locked first, so that every booking change of one event runs one at a time and
        // always takes its locks in the same order (no deadlocks between consumers of different partitions).
        int availableBefore = lockAvailability(eventId);
        List<UUID> distinctSeatIds = seatIds.stream().distinct().toList();
        List<Seat> seats = lockSeats(eventId, distinctSeatIds);
        if (seats.size() != distinctSeatIds.size()) {
            List<UUID> found = seats.stream().map(Seat::id).toList();
            throw new InconsistentEventException("reservation " + reservationId + " names seats that event "
                    + eventId + " does not have: "
                    + distinctSeatIds.stream().filter(id -> !found.contains(id)).toList());
        }
        SeatChange change = rule.apply(reservationId, seats);
        if (change.isEmpty()) {
            return;
        }
        for (Seat seat : change.takenFromOthers()) {
            log.warn("Seat {} of event {} was sold to reservation {} and is now sold to reservation {}",
                    seat.id(), eventId, seat.soldReservationId(), reservationId);
        }
        writeSeats(change, now);
        if (change.availableDelta() != 0) {
            writeAvailability(eventId, availableBefore + change.availableDelta(), now);
        }
        // listeners in this transaction see the new count: the status rule sells out (or reopens) the event
        // and announces that as EventChanged; caches hear of both after commit
        events.publishEvent(new SeatsChanged(eventId));
    }

    private int lockAvailability(UUID eventId) {
        return jdbc.sql("SELECT available_count FROM events WHERE id = :id FOR UPDATE")
                .param("id", eventId)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new InconsistentEventException("no event " + eventId));
    }

    private List<Seat> lockSeats(UUID eventId, List<UUID> seatIds) {
        return jdbc.sql("""
                        SELECT id, status, sold_reservation_id FROM seats
                        WHERE event_id = :eventId AND id IN (:ids)
                        ORDER BY id FOR UPDATE""")
                .param("eventId", eventId)
                .param("ids", seatIds)
                .query((rs, row) -> new Seat(
                        rs.getObject("id", UUID.class),
                        SeatStatus.valueOf(rs.getString("status")),
                        rs.getObject("sold_reservation_id", UUID.class)))
                .list();
    }

    private void writeSeats(SeatChange change, Instant now) {
        jdbc.sql("""
                        UPDATE seats SET status = :status, sold_reservation_id = :soldTo, updated_at = :now
                        WHERE id IN (:ids)""")
                .param("status", change.status().name())
                .param("soldTo", change.soldTo())
                .param("now", utc(now))
                .param("ids", change.seatIds())
                .update();
    }

    /** Bumps the version too, so that an admin edit based on the row as it was fails instead of undoing this. */
    private void writeAvailability(UUID eventId, int availableCount, Instant now) {
        jdbc.sql("""
                        UPDATE events SET available_count = :available, version = version + 1, updated_at = :now
                        WHERE id = :id""")
                .param("available", availableCount)
                .param("now", utc(now))
                .param("id", eventId)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
