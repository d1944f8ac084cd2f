package dev.tiketi.payment.reservation;

import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.ReservationHeld;
import dev.tiketi.events.ReservationPaymentRejected;
import dev.tiketi.payment.reservation.CopiedReservation.Status;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How a reservation event changes the copy. Plain rules, no I/O.
 * <p>
 * The copy is a function of the set of events applied, not of their order: its status is that of the event with
 * the highest version (the reservation's version after the change, from the envelope), its details those of the
 * {@code ReservationHeld} with the highest version. So a duplicate or a replay changes nothing, and an event that
 * arrives late — a hold after its cancellation, say — finds a newer version and is ignored.
 */
public final class ReservationCopyRules {

    /** The column's size; titles are at most this long in event-service, a longer one is cut rather than refused. */
    static final int TITLE_LENGTH = 200;

    private ReservationCopyRules() {
    }

    /** What one event says about its reservation. @param details only a hold carries them */
    public record Fact(UUID reservationId, UUID userId, UUID eventId, Status status, long version, Details details,
                       Instant changedAt) {
    }

    /** @param totalAmount in KRW */
    public record Details(long totalAmount, Instant holdExpiresAt, String eventTitle) {
    }

    /**
     * The fact an event states, or none: {@code ReservationPaymentRejected} changes no reservation (it carries the
     * version the reservation already had).
     *
     * @param version   the envelope's version: the reservation's version after the change
     * @param changedAt the envelope's {@code occurredAt}
     */
    public static Optional<Fact> fact(ReservationEvent event, long version, Instant changedAt) {
        Status status = switch (event) {
            case ReservationHeld held -> Status.PENDING;
            case ReservationConfirmed confirmed -> Status.CONFIRMED;
            case ReservationCancelled cancelled -> Status.CANCELLED;
            case ReservationExpired expired -> Status.EXPIRED;
            case ReservationPaymentRejected rejected -> null;
        };
        if (status == null) {
            return Optional.empty();
        }
        Details details = event instanceof ReservationHeld held
                ? new Details(held.totalAmount(), held.holdExpiresAt(), title(held.eventTitle()))
                : null;
        return Optional.of(new Fact(event.reservationId(), event.userId(), event.eventId(), status, version, details,
                changedAt));
    }

    /**
     * The copy after {@code fact}, or empty when the fact changes nothing (it is no newer than what the copy has).
     * Owner and event never change: a reservation keeps both for life.
     */
    public static Optional<CopiedReservation> merge(Optional<CopiedReservation> current, Fact fact) {
        if (current.isEmpty()) {
            Details details = fact.details();
            return Optional.of(new CopiedReservation(fact.reservationId(), fact.userId(), fact.eventId(), fact.status(),
                    fact.version(), details == null ? null : details.totalAmount(),
                    details == null ? null : details.holdExpiresAt(), details == null ? null : details.eventTitle(),
                    details == null ? null : fact.version(), fact.changedAt()));
        }
        CopiedReservation copy = current.get();
        boolean newerState = fact.version() > copy.version()
                || (fact.version() == copy.version() && fact.status().precedence() > copy.status().precedence());
        boolean newerDetails = fact.details() != null
                && (copy.heldVersion() == null || fact.version() > copy.heldVersion());
        if (!newerState && !newerDetails) {
            return Optional.empty();
        }
        Status status = newerState ? fact.status() : copy.status();
        long version = newerState ? fact.version() : copy.version();
        Instant changedAt = newerState ? fact.changedAt() : copy.changedAt();
        if (!newerDetails) {
            return Optional.of(new CopiedReservation(copy.id(), copy.userId(), copy.eventId(), status, version,
                    copy.totalAmount(), copy.holdExpiresAt(), copy.eventTitle(), copy.heldVersion(), changedAt));
        }
        Details details = fact.details();
        return Optional.of(new CopiedReservation(copy.id(), copy.userId(), copy.eventId(), status, version,
                details.totalAmount(), details.holdExpiresAt(), details.eventTitle(), fact.version(), changedAt));
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        return title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH);
    }
}
