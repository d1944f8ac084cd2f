package dev.tiketi.event.notice;

import java.util.List;

public record NoticePage(List<NoticeSummary> items, int page, int size, long totalItems, long totalPages) {

    public NoticePage {
        items = List.copyOf(items);
    }
}
