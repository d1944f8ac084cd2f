package dev.tiketi.event.admin;

/** The categories {@code events.category} accepts. */
public enum EventCategory {
    CONCERT, MUSICAL, THEATER, CLASSIC, SPORTS, EXHIBITION, FAMILY, OTHER
}
