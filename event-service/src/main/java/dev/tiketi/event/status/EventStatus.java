package dev.tiketi.event.status;

/** The values of {@code events.status}; {@link EventStatusPolicy} says which one applies when. */
public enum EventStatus {
    UPCOMING, ON_SALE, SOLD_OUT, ENDED, CANCELLED
}
