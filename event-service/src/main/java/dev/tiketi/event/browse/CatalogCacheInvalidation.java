package dev.tiketi.event.browse;

import dev.tiketi.event.catalog.EventChanged;
import dev.tiketi.event.catalog.SeatsChanged;
import dev.tiketi.event.cache.VersionedCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.UUID;

/**
 * Invalidates the catalog caches once a change is committed: earlier, a concurrent reader could cache the
 * old rows again right after the invalidation. Without a transaction (fallbackExecution) the change is
 * already visible, so invalidating at once is right too.
 *
 * <p>Both kinds of change touch every list page (availability and status are shown there) and the event's
 * own namespace (its detail shows availability, its summary is availability).
 */
@Component
class CatalogCacheInvalidation {

    private final VersionedCache cache;

    CatalogCacheInvalidation(VersionedCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void eventChanged(EventChanged change) {
        invalidate(change.eventId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void seatsChanged(SeatsChanged change) {
        invalidate(change.eventId());
    }

    private void invalidate(UUID eventId) {
        cache.invalidate(EventCatalog.LIST);
        cache.invalidate(EventCatalog.eventNamespace(eventId));
    }
}
