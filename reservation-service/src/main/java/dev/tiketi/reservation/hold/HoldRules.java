package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservedSeat;
import dev.tiketi.reservation.catalog.CatalogEvent;
import dev.tiketi.reservation.catalog.CatalogSeat;
import dev.tiketi.web.problem.ApiException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a hold may ask for. No I/O: the callers fetch the event and seats, these rules judge them. */
final class HoldRules {

    private HoldRules() {
    }

    /** 1 to {@value Reservation#MAX_SEATS} different seats; 400 with a field error on {@code seatIds} otherwise. */
    static List<UUID> seatIds(List<UUID> requested) {
        if (requested.size() != new LinkedHashSet<>(requested).size()) {
            throw ApiException.invalidField("seatIds", "Distinct", "must not name a seat twice");
        }
        if (requested.isEmpty() || requested.size() > Reservation.MAX_SEATS) {
            throw ApiException.invalidField("seatIds", "Size",
                    "must name 1 to " + Reservation.MAX_SEATS + " seats");
        }
        return List.copyOf(requested);
    }

    /** Seats can be held only while the event is on sale: 409 {@code event-not-on-sale} otherwise. */
    static void requireOnSale(CatalogEvent event) {
        if (!event.onSale()) {
            throw ApiException.conflict("event-not-on-sale", "Seats of this event cannot be held now (" + event.status() + ").");
        }
    }

    /**
     * The seats as held, in the order asked for. A seat that is not the event's is a client mistake (400
     * {@code seats-not-in-event}). Whether a seat is taken is for Redis and the database to say.
     */
    static List<ReservedSeat> snapshot(List<UUID> requested, List<CatalogSeat> found) {
        Map<UUID, CatalogSeat> byId = found.stream().collect(Collectors.toMap(CatalogSeat::id, Function.identity()));
        List<UUID> foreign = requested.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!foreign.isEmpty()) {
            throw ApiException.badRequest("seats-not-in-event", "No such seats in this event: " + foreign + ".");
        }
        return requested.stream().map(id -> ReservedSeat.of(byId.get(id))).toList();
    }
}
