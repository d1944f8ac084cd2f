package dev.tiketi.reservation.booking;

import dev.tiketi.web.problem.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A seat hold that becomes a booking, and the rules of its life. No I/O: a transition returns the next state
 * with the version bumped (the version of the event it publishes); {@link Reservations} stores it.
 *
 * @param seats         the held seats as they were when held
 * @param totalAmount   in KRW, the sum of the seat prices
 * @param cancelReason  one of the {@code *} reason constants once CANCELLED (kept when REFUNDED)
 * @param wasConfirmed  whether it had been CONFIRMED before it was cancelled: its seats had been sold
 * @param paymentId     the payment that confirmed it
 */
public record Reservation(UUID id, UUID userId, UUID eventId, ReservationStatus status, List<ReservedSeat> seats,
                          long totalAmount, Instant holdExpiresAt, EventSnapshot event, String cancelReason,
                          boolean wasConfirmed, UUID paymentId, Timeline timeline, long version) {

    /** The buyer gave up the hold before paying. */
    public static final String USER_RELEASED = "USER_RELEASED";
    /** The buyer cancelled a paid booking; payment-service refunds it. */
    public static final String USER_CANCELLED = "USER_CANCELLED";
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    /** The organiser cancelled the event: holds are released, bookings cancelled and refunded. */
    public static final String EVENT_CANCELLED = "EVENT_CANCELLED";

    /** Most seats one hold may take (SPEC 2.4). */
    public static final int MAX_SEATS = 4;

    public Reservation {
        Objects.requireNonNull(status, "status");
        seats = List.copyOf(seats);
    }

    /** When each step happened; {@code updatedAt} is the last change. */
    public record Timeline(Instant createdAt, Instant confirmedAt, Instant cancelledAt, Instant expiredAt,
                           Instant refundedAt, Instant updatedAt) {

        static Timeline created(Instant now) {
            return new Timeline(now, null, null, null, null, now);
        }

        Timeline updated(Instant now) {
            return new Timeline(createdAt, confirmedAt, cancelledAt, expiredAt, refundedAt, now);
        }

        Timeline confirmed(Instant now) {
            return new Timeline(createdAt, now, cancelledAt, expiredAt, refundedAt, now);
        }

        Timeline cancelled(Instant now) {
            return new Timeline(createdAt, confirmedAt, now, expiredAt, refundedAt, now);
        }

        Timeline expired(Instant now) {
            return new Timeline(createdAt, confirmedAt, cancelledAt, now, refundedAt, now);
        }

        Timeline refunded(Instant now) {
            return new Timeline(createdAt, confirmedAt, cancelledAt, expiredAt, now, now);
        }
    }

    /** A new PENDING reservation whose seats are held for {@code ttl}. */
    public static Reservation hold(UUID id, UUID userId, UUID eventId, EventSnapshot event, List<ReservedSeat> seats,
                                   Instant now, Duration ttl) {
        return new Reservation(id, userId, eventId, ReservationStatus.PENDING, seats, total(seats), now.plus(ttl), event,
                null, false, null, Timeline.created(now), 1);
    }

    public List<UUID> seatIds() {
        return seats.stream().map(ReservedSeat::seatId).toList();
    }

    /** Whether the hold time is over: from then on it cannot be changed or paid, only expired. */
    public boolean holdOver(Instant now) {
        return !now.isBefore(holdExpiresAt);
    }

    /**
     * Other seats for the same hold. The hold keeps its expiry: changing seats must not extend the five minutes,
     * or a buyer could keep seats from everyone else forever.
     */
    public Reservation changeSeats(List<ReservedSeat> newSeats, Instant now) {
        requireLiveHold(now);
        return next(status, newSeats, null, false, timeline.updated(now));
    }

    /** 409 unless this is a PENDING hold whose time is not over, the only kind whose seats may change. */
    public void requireLiveHold(Instant now) {
        requirePending();
        if (holdOver(now)) {
            throw ApiException.conflict("hold-expired", "The hold has run out; hold the seats again.");
        }
    }

    /** The buyer gives the seats back before paying. */
    public Reservation release(Instant now) {
        requirePending();
        return next(ReservationStatus.CANCELLED, seats, USER_RELEASED, false, timeline.cancelled(now));
    }

    /** The buyer cancels a paid booking; {@link CancellationPolicy} says until when. */
    public Reservation cancelBooking(Instant now) {
        if (status != ReservationStatus.CONFIRMED) {
            throw ApiException.conflict("reservation-not-confirmed",
                    "Only a confirmed booking can be cancelled; a hold is released instead.");
        }
        if (!CancellationPolicy.allows(event.startsAt(), now)) {
            throw ApiException.conflict("cancellation-closed",
                    "A booking can be cancelled until the day before the event (Korean time).");
        }
        return next(ReservationStatus.CANCELLED, seats, USER_CANCELLED, true, timeline.cancelled(now));
    }

    /**
     * The event was cancelled: a hold is released, a booking cancelled (wasConfirmed, so payment-service refunds
     * it), whatever the buyer's own cancellation deadline says.
     */
    public Reservation cancelForEvent(Instant now) {
        if (!status.live()) {
            throw new IllegalStateException("reservation " + id + " is " + status + ", not live");
        }
        return next(ReservationStatus.CANCELLED, seats, EVENT_CANCELLED, status == ReservationStatus.CONFIRMED,
                timeline.cancelled(now));
    }

    /** Paid in time: the seats are sold to this reservation. Callers check the rules first ({@code PaymentRules}). */
    public Reservation confirm(UUID payment, Instant now) {
        requireStatus(ReservationStatus.PENDING);
        return new Reservation(id, userId, eventId, ReservationStatus.CONFIRMED, seats, totalAmount, holdExpiresAt,
                event, null, false, payment, timeline.confirmed(now), version + 1);
    }

    /** Not paid in time: the seats are free again. */
    public Reservation expire(Instant now) {
        requireStatus(ReservationStatus.PENDING);
        return next(ReservationStatus.EXPIRED, seats, null, false, timeline.expired(now));
    }

    public Reservation paymentFailed(Instant now) {
        requireStatus(ReservationStatus.PENDING);
        return next(ReservationStatus.CANCELLED, seats, PAYMENT_FAILED, false, timeline.cancelled(now));
    }

    /**
     * The payment was refunded. A cancelled booking is then REFUNDED (a change, with a new version); any other
     * reservation only records when (the refund of a payment it rejected, say).
     */
    public Reservation refunded(Instant now) {
        if (status == ReservationStatus.CANCELLED && wasConfirmed) {
            return next(ReservationStatus.REFUNDED, seats, cancelReason, true, timeline.refunded(now));
        }
        return new Reservation(id, userId, eventId, status, seats, totalAmount, holdExpiresAt, event, cancelReason,
                wasConfirmed, paymentId, timeline.refunded(now), version);
    }

    private Reservation next(ReservationStatus nextStatus, List<ReservedSeat> nextSeats, String reason,
                             boolean confirmedBefore, Timeline nextTimeline) {
        return new Reservation(id, userId, eventId, nextStatus, nextSeats, total(nextSeats), holdExpiresAt, event, reason,
                confirmedBefore, paymentId, nextTimeline, version + 1);
    }

    private void requirePending() {
        if (status != ReservationStatus.PENDING) {
            throw ApiException.conflict("reservation-not-pending", "The reservation is " + status + ", not a live hold.");
        }
    }

    private void requireStatus(ReservationStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("reservation " + id + " is " + status + ", not " + expected);
        }
    }

    private static long total(List<ReservedSeat> seats) {
        return seats.stream().mapToLong(ReservedSeat::price).sum();
    }
}
