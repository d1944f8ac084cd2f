package dev.tiketi.event.seatstatus;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How bookings change seats and an event's available count. No I/O: the projection reads the rows, asks
 * these rules, and writes what they decide. The event's status follows from the count by
 * {@code EventStatusPolicy}, the one rule for statuses, applied in the same transaction.
 */
final class SeatStatusRules {

    enum SeatStatus { AVAILABLE, SOLD }

    /** A seat as stored; {@code soldReservationId} is set exactly when the seat is SOLD. */
    record Seat(UUID id, SeatStatus status, UUID soldReservationId) {

        boolean soldTo(UUID reservationId) {
            return status == SeatStatus.SOLD && reservationId.equals(soldReservationId);
        }
    }

    /**
     * Seats to write and what that does to the available count.
     *
     * @param seatIds         the seats whose row changes
     * @param status          their new status
     * @param soldTo          the reservation they are sold to; null when they become AVAILABLE
     * @param availableDelta  change of the event's available count
     * @param takenFromOthers seats that were SOLD to another reservation and now change hands
     */
    record SeatChange(List<UUID> seatIds, SeatStatus status, UUID soldTo, int availableDelta,
                      List<Seat> takenFromOthers) {

        boolean isEmpty() {
            return seatIds.isEmpty();
        }
    }

    private SeatStatusRules() {
    }

    /**
     * A confirmed reservation owns its seats. A seat already SOLD to another reservation changes hands:
     * reservation-service's database allows one live reservation per seat, so the confirmation arriving
     * now is the newer one and the older sale must have been cancelled (its cancellation may still be on
     * its way). Only AVAILABLE → SOLD changes the available count.
     */
    static SeatChange sell(UUID reservationId, List<Seat> seats) {
        List<UUID> changed = new ArrayList<>();
        List<Seat> takenFromOthers = new ArrayList<>();
        int newlySold = 0;
        for (Seat seat : seats) {
            if (seat.soldTo(reservationId)) {
                continue;
            }
            changed.add(seat.id());
            if (seat.status() == SeatStatus.AVAILABLE) {
                newlySold++;
            } else {
                takenFromOthers.add(seat);
            }
        }
        return new SeatChange(List.copyOf(changed), SeatStatus.SOLD, reservationId, -newlySold,
                List.copyOf(takenFromOthers));
    }

    /**
     * A refunded booking frees only the seats still SOLD to it; a seat since sold to a newer reservation
     * stays with that one, whatever order the events arrive in.
     */
    static SeatChange release(UUID reservationId, List<Seat> seats) {
        List<UUID> released = seats.stream().filter(seat -> seat.soldTo(reservationId)).map(Seat::id).toList();
        return new SeatChange(released, SeatStatus.AVAILABLE, null, released.size(), List.of());
    }
}
