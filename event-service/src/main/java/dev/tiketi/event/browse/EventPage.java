package dev.tiketi.event.browse;

import java.util.List;

public record EventPage(List<EventListItem> items, int page, int size, long totalItems, long totalPages) {

    public EventPage {
        items = List.copyOf(items);
    }
}
