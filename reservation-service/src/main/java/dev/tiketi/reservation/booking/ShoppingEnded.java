package dev.tiketi.reservation.booking;

import java.util.UUID;

/**
 * Published inside the transaction that ended a buyer's turn at an event (they paid, or their hold ran out):
 * after the commit their waiting-room slot goes to the next in line.
 */
public record ShoppingEnded(UUID eventId, UUID userId) {
}
