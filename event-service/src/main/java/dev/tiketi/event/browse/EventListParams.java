package dev.tiketi.event.browse;

import java.util.List;

/**
 * The event list's query parameters as the client sent them. Everything is text, so that
 * {@link EventQueryParser} can report every bad value at once, each under its own name.
 */
public record EventListParams(List<String> status, String category, String from, String to, String city,
        String venueId, String keyword, String sort, String page, String size) {
}
