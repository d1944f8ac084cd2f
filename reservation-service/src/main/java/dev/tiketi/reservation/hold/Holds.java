package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.booking.EventSnapshot;
import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservationEvents;
import dev.tiketi.reservation.booking.ReservationStatus;
import dev.tiketi.reservation.booking.Reservations;
import dev.tiketi.reservation.booking.ReservedSeat;
import dev.tiketi.reservation.booking.SeatsChanged;
import dev.tiketi.reservation.booking.SeatsChanged.Change;
import dev.tiketi.reservation.catalog.CatalogEvent;
import dev.tiketi.reservation.catalog.EventCatalog;
import dev.tiketi.reservation.config.ReservationProperties;
import dev.tiketi.reservation.queue.QueueGate;
import dev.tiketi.web.problem.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Taking, changing and giving back holds. Redis first — one script takes every seat or none, and refuses
 * the crowd fast — then the database, whose unique index over live seats has the last word: if it refuses,
 * the Redis holds just taken are given back (compare-and-delete by reservation id) and the buyer gets 409.
 */
@Service
public class Holds {

    private final EventCatalog catalog;
    private final QueueGate queue;
    private final SeatHolds seatHolds;
    private final Reservations reservations;
    private final ReservationEvents events;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration holdTtl;
    private final Counter oversellBlocked;
    private final Counter holdsTaken;
    private final Counter holdsRefused;

    Holds(EventCatalog catalog, QueueGate queue, SeatHolds seatHolds, Reservations reservations,
          ReservationEvents events, ApplicationEventPublisher publisher, TransactionTemplate transactions, Clock clock,
          ReservationProperties properties, MeterRegistry meters) {
        this.catalog = catalog;
        this.queue = queue;
        this.seatHolds = seatHolds;
        this.reservations = reservations;
        this.events = events;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
        this.holdTtl = properties.holdTtl();
        this.oversellBlocked = Counter.builder("tiketi.reservation.oversell.blocked")
                .description("Holds Redis let through that the database refused: a seat held by another reservation (Redis lost that hold)")
                .register(meters);
        // Prometheus: tiketi_reservation_holds_total{outcome="taken|refused"}, the sale's hold funnel
        this.holdsTaken = Counter.builder("tiketi.reservation.holds")
                .description("New holds committed, and holds or seat changes refused because a seat was taken")
                .tag("outcome", "taken")
                .register(meters);
        this.holdsRefused = Counter.builder("tiketi.reservation.holds")
                .description("New holds committed, and holds or seat changes refused because a seat was taken")
                .tag("outcome", "refused")
                .register(meters);
    }

    /** The new PENDING reservation and the payment token the buyer pays with. */
    public record Hold(Reservation reservation, QueueGate.PaymentToken paymentToken) {
    }

    public Hold hold(UUID userId, UUID eventId, List<UUID> requestedSeats, String admissionToken) {
        List<UUID> seatIds = HoldRules.seatIds(requestedSeats);
        QueueGate.Admission admission = queue.requireAdmission(admissionToken, userId, eventId);
        CatalogEvent event = catalog.event(eventId);
        HoldRules.requireOnSale(event);
        List<ReservedSeat> seats = HoldRules.snapshot(seatIds, catalog.seats(eventId, seatIds));
        Instant now = clock.instant();
        Reservation reservation = Reservation.hold(UUID.randomUUID(), userId, eventId, EventSnapshot.of(event), seats,
                now, holdTtl);
        take(reservation, seatIds, now, admission, userId);
        try {
            QueueGate.PaymentToken paymentToken = queue.issuePaymentToken(userId, eventId, reservation.id());
            transactions.executeWithoutResult(status -> {
                reservations.insert(reservation);
                events.held(reservation);
                publisher.publishEvent(new SeatsChanged(eventId, reservation.id(), seatIds, Change.HELD));
            });
            holdsTaken.increment();
            return new Hold(reservation, paymentToken);
        } catch (RuntimeException e) {
            seatHolds.giveBack(eventId, reservation.id(), seatIds);
            throw refusedByDatabase(e, eventId, reservation.id(), seatIds);
        }
    }

    /** Other seats for a PENDING hold, which keeps its expiry; 409 if any new seat is taken. */
    public Reservation changeSeats(UUID userId, UUID reservationId, List<UUID> requestedSeats) {
        List<UUID> seatIds = HoldRules.seatIds(requestedSeats);
        Reservation current = reservations.findOwned(reservationId, userId).orElseThrow(Reservations::notFound);
        Instant now = clock.instant();
        current.requireLiveHold(now);
        HoldRules.requireOnSale(catalog.event(current.eventId()));
        List<ReservedSeat> seats = HoldRules.snapshot(seatIds, catalog.seats(current.eventId(), seatIds));
        Reservation wanted = current.changeSeats(seats, now);
        take(wanted, seatIds, now);
        List<UUID> added = without(seatIds, current.seatIds());
        try {
            return transactions.execute(status -> {
                Reservation locked = reservations.lockOwned(reservationId, userId).orElseThrow(Reservations::notFound);
                Reservation changed = locked.changeSeats(seats, clock.instant());
                reservations.save(locked, changed);
                events.held(changed);
                publisher.publishEvent(new SeatsChanged(changed.eventId(), changed.id(),
                        without(locked.seatIds(), seatIds), Change.RELEASED));
                publisher.publishEvent(new SeatsChanged(changed.eventId(), changed.id(),
                        without(seatIds, locked.seatIds()), Change.HELD));
                return changed;
            });
        } catch (RuntimeException e) {
            seatHolds.giveBack(current.eventId(), reservationId, added);
            throw refusedByDatabase(e, current.eventId(), reservationId, added);
        }
    }

    /** The buyer gives the hold up: CANCELLED ({@code USER_RELEASED}), seats free at once. */
    public void release(UUID userId, UUID reservationId) {
        transactions.executeWithoutResult(status -> {
            Reservation locked = reservations.lockOwned(reservationId, userId).orElseThrow(Reservations::notFound);
            Reservation released = locked.release(clock.instant());
            reservations.save(locked, released);
            events.cancelled(released);
            publisher.publishEvent(new SeatsChanged(released.eventId(), released.id(), released.seatIds(),
                    Change.RELEASED));
        });
    }

    private void take(Reservation reservation, List<UUID> seatIds, Instant now) {
        refuseTaken(seatHolds.take(reservation.eventId(), reservation.id(), seatIds, reservation.holdExpiresAt(), now));
    }

    /**
     * A new hold: also refused (403) once the waiting room has ended the buyer's admission. Whether the buyer
     * already holds seats for the event is not read before every hold: the unique index
     * {@code reservations_one_pending_hold} refuses a second hold at the insert (see {@link #refusedByDatabase}).
     * Only when Redis refuses seats to a buyer whose hold marker is there (a hold taken within a hold's lifetime)
     * is the database asked, so that a buyer who tries again for the seats of their own hold (a retry after a
     * timeout) learns of that hold ({@code hold-exists}) rather than that the seats are taken. The crowd that a
     * sale refuses has taken no hold, and costs no query.
     */
    private void take(Reservation reservation, List<UUID> seatIds, Instant now, QueueGate.Admission admission,
                      UUID userId) {
        SeatHolds.Taken taken = seatHolds.takeAdmitted(reservation.eventId(), reservation.id(), seatIds,
                reservation.holdExpiresAt(), now, admission, userId);
        if (!taken.refusals().isEmpty() && taken.buyerMayHoldAlready()
                && reservations.hasPendingHold(userId, reservation.eventId())) {
            throw holdExists();
        }
        refuseTaken(taken.refusals());
    }

    private void refuseTaken(List<SeatHolds.Refusal> refused) {
        if (!refused.isEmpty()) {
            holdsRefused.increment();
            throw new SeatsUnavailable(refused);
        }
    }

    /**
     * The database's refusal of a seat Redis let through becomes a 409 like Redis's own, naming the seats live in
     * another reservation (a sale whose Redis marker has run out, or a hold Redis lost); anything else passes.
     */
    private RuntimeException refusedByDatabase(RuntimeException e, UUID eventId, UUID reservationId,
                                               List<UUID> seatIds) {
        if (!(e instanceof DuplicateKeyException duplicate)) {
            return e;
        }
        if (String.valueOf(duplicate.getMessage()).contains("reservations_one_pending_hold")) {
            return holdExists();
        }
        holdsRefused.increment();
        List<SeatHolds.Refusal> taken;
        try {
            taken = reservations.liveElsewhere(eventId, seatIds, reservationId).entrySet().stream()
                    .map(seat -> new SeatHolds.Refusal(seat.getKey(),
                            seat.getValue() == ReservationStatus.CONFIRMED ? "SOLD" : "HELD"))
                    .toList();
        } catch (DataAccessException unanswered) {
            taken = List.of();
        }
        // a seat sold longer ago than its Redis marker lasts is the database's to refuse; a held one Redis lost
        if (taken.isEmpty() || taken.stream().anyMatch(seat -> "HELD".equals(seat.state()))) {
            oversellBlocked.increment();
        }
        return taken.isEmpty()
                ? ApiException.conflict("seats-unavailable", "Some of these seats are already held or sold; choose others.")
                : new SeatsUnavailable(taken);
    }

    private static ApiException holdExists() {
        return ApiException.conflict("hold-exists",
                "You already hold seats for this event; change or release that hold instead.");
    }

    private static List<UUID> without(List<UUID> seats, List<UUID> removed) {
        Set<UUID> gone = Set.copyOf(removed);
        return seats.stream().filter(seat -> !gone.contains(seat)).toList();
    }
}
