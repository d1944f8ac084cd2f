package dev.tiketi.reservation.booking;

/**
 * PENDING (seats held, awaiting payment) → CONFIRMED (paid) → CANCELLED by the buyer → REFUNDED once the
 * money is back; PENDING → CANCELLED (released, payment failed) or EXPIRED (not paid in time).
 */
public enum ReservationStatus {
    PENDING, CONFIRMED, CANCELLED, EXPIRED, REFUNDED;

    /** Whether the reservation's seats are taken: at most one live reservation per seat (database-enforced). */
    public boolean live() {
        return this == PENDING || this == CONFIRMED;
    }
}
