package dev.tiketi.reservation.hold;

import java.util.UUID;

/**
 * Every Redis key and channel of seat holds. All keys of one event carry the event id as a hash tag
 * ({@code {…}}), so that on a Redis Cluster they share a slot and one script can take several seats at once.
 */
public final class HoldKeys {

    /** A seat key's value for a sold seat; for a held seat the value is the reservation id. */
    static final String SOLD_PREFIX = "sold:";

    private HoldKeys() {
    }

    /** The seat's holder: a reservation id (TTL = the hold's remaining time) or {@code sold:<reservation id>}. */
    public static String seat(UUID eventId, UUID seatId) {
        return prefix(eventId) + "seat:" + seatId;
    }

    /** ZSET seat id → hold expiry (epoch ms): the held seats of the event, read without KEYS or SCAN. */
    static String heldIndex(UUID eventId) {
        return prefix(eventId) + "held";
    }

    /** ZSET seat id → sold-marker expiry (epoch ms): seats sold here that event-service may not know yet. */
    static String soldIndex(UUID eventId) {
        return prefix(eventId) + "sold";
    }

    /**
     * The buyer's hold marker for the event: a new hold's reservation id, set by the script that takes the hold and
     * lasting as long as the hold. Where it is missing, a refused buyer is told the seats are taken without asking
     * the database whether they hold others already (SeatHolds.Taken).
     */
    static String buyerHold(UUID eventId, UUID userId) {
        return prefix(eventId) + "buyer:" + userId;
    }

    /** Pub/sub channel: every change of the event's seats, for the live seat maps on every instance. */
    public static String changes(UUID eventId) {
        return prefix(eventId) + "changes";
    }

    private static String prefix(UUID eventId) {
        return "hold:{" + eventId + "}:";
    }
}
