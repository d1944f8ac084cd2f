package dev.tiketi.event.seatstatus;

import dev.tiketi.event.catalog.EventChanged;
import dev.tiketi.event.catalog.SeatsChanged;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records catalog change events as a cache would see them: after commit. */
@TestComponent
class CatalogChangeRecorder {

    private final List<Object> changes = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(SeatsChanged change) {
        changes.add(change);
    }

    @TransactionalEventListener
    void on(EventChanged change) {
        changes.add(change);
    }

    List<Object> changesOf(UUID eventId) {
        return changes.stream().filter(change -> switch (change) {
            case SeatsChanged seats -> seats.eventId().equals(eventId);
            case EventChanged event -> event.eventId().equals(eventId);
            default -> false;
        }).toList();
    }
}
