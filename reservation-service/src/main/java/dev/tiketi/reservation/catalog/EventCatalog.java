package dev.tiketi.reservation.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tiketi.reservation.config.ReservationProperties;
import dev.tiketi.web.problem.ApiException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Events and seats as a hold needs them, from this service's own copy of the catalog ({@link CatalogCopy}, kept
 * by {@code event.events}): no call to event-service. An event's facts are reused for {@code event-cache-ttl}
 * (the copy on another instance may have changed meanwhile; its status is computed from the periods on every
 * read anyway). So are the seats of an event whose seats have all arrived, for as long as the event's version in
 * the copy is the one they were read under: every write of a seat writes its event's version too, so a changed
 * seat is read again once the event's facts are (within {@code event-cache-ttl}). A sale asks for the same seats
 * over and over, and a hold, refused or not, then reads nothing from the database before its own insert.
 * <p>
 * The copy trails event-service by the outbox relay and the consumer, usually tens of milliseconds. A hold (or
 * seat map) that asks for an event, or a seat, the copy does not have yet — the event was created a moment
 * ago, or its seat parts are still arriving — waits up to {@code catalog.catch-up-wait} for it to turn up.
 * Made-up ids must not tie up threads that way: at most {@code catalog.catch-up-waiters} requests wait at once
 * (the others are answered at once), and an id that did not turn up is answered 404 at once for as long again.
 */
@Component
public class EventCatalog {

    /** Unknown ids are remembered too; both caches are bounded so a flood of made-up ids cannot grow them. */
    private static final int MAX_CACHED = 10_000;
    /** Two 50,000-seat sales at once, at about 300 bytes a seat. */
    private static final int MAX_CACHED_SEATS = 100_000;

    private final CatalogCopy copy;
    private final Clock clock;
    private final Duration catchUpWait;
    private final Duration pollInterval;
    private final Semaphore waiters;
    private final Cache<UUID, CopiedEvent> events;
    private final Cache<UUID, Boolean> unknown;
    private final Cache<SeatKey, CachedSeat> seats;

    private record SeatKey(UUID eventId, UUID seatId) {
    }

    /** A seat as read while its event's version in the copy was {@code eventVersion}. */
    private record CachedSeat(long eventVersion, CatalogSeat seat) {
    }

    EventCatalog(CatalogCopy copy, ReservationProperties properties, Clock clock) {
        this.copy = copy;
        this.clock = clock;
        ReservationProperties.Catalog catalog = properties.catalog();
        this.catchUpWait = catalog.catchUpWait();
        this.pollInterval = catalog.pollInterval();
        this.waiters = new Semaphore(catalog.catchUpWaiters());
        this.events = Caffeine.newBuilder().maximumSize(MAX_CACHED).expireAfterWrite(properties.eventCacheTtl()).build();
        this.unknown = Caffeine.newBuilder().maximumSize(MAX_CACHED).expireAfterWrite(catchUpWait).build();
        this.seats = Caffeine.newBuilder().maximumSize(MAX_CACHED_SEATS).build();
    }

    /** The event with its status now; 404 {@code event-not-found} when the copy does not have it. */
    public CatalogEvent event(UUID eventId) {
        return copied(eventId).at(clock.instant());
    }

    /**
     * The asked-for seats that belong to the event, with their price and whether they are sold; others are
     * absent. While the event's seats are still arriving, waits (bounded) for the ones asked for.
     */
    public List<CatalogSeat> seats(UUID eventId, Collection<UUID> seatIds) {
        CopiedEvent event = copied(eventId);
        if (event.seatsComplete()) {
            return completeSeats(event, seatIds);
        }
        List<CatalogSeat> found = copy.seats(eventId, seatIds);
        if (found.size() == seatIds.size()) {
            return found;
        }
        return waitFor(() -> {
            List<CatalogSeat> now = copy.seats(eventId, seatIds);
            boolean settled = now.size() == seatIds.size()
                    || copy.event(eventId).map(CopiedEvent::seatsComplete).orElse(false);
            return settled ? Optional.of(now) : Optional.empty();
        }).orElseGet(() -> copy.seats(eventId, seatIds));
    }

    /** From memory where read under the event's current version; the others in one query. */
    private List<CatalogSeat> completeSeats(CopiedEvent event, Collection<UUID> seatIds) {
        List<CatalogSeat> found = new ArrayList<>(seatIds.size());
        List<UUID> missing = new ArrayList<>();
        for (UUID seatId : seatIds) {
            CachedSeat cached = seats.getIfPresent(new SeatKey(event.id(), seatId));
            if (cached != null && cached.eventVersion() == event.version()) {
                found.add(cached.seat());
            } else {
                missing.add(seatId);
            }
        }
        if (!missing.isEmpty()) {
            for (CatalogSeat seat : copy.seats(event.id(), missing)) {
                seats.put(new SeatKey(event.id(), seat.id()), new CachedSeat(event.version(), seat));
                found.add(seat);
            }
        }
        return found;
    }

    private CopiedEvent copied(UUID eventId) {
        CopiedEvent cached = events.getIfPresent(eventId);
        if (cached != null) {
            return cached;
        }
        if (unknown.getIfPresent(eventId) != null) {
            throw eventNotFound();
        }
        Optional<CopiedEvent> event = copy.event(eventId).or(() -> waitFor(() -> copy.event(eventId)));
        if (event.isEmpty()) {
            unknown.put(eventId, Boolean.TRUE);
            throw eventNotFound();
        }
        // an event incomplete in its seats is read again next time, so its completion is seen at once
        if (event.get().seatsComplete()) {
            events.put(eventId, event.get());
        }
        return event.get();
    }

    /** Asks {@code lookup} until it answers or the catch-up wait is over; at once empty when too many wait. */
    private <T> Optional<T> waitFor(Supplier<Optional<T>> lookup) {
        if (!waiters.tryAcquire()) {
            return Optional.empty();
        }
        try {
            long deadline = System.nanoTime() + catchUpWait.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(pollInterval);
                Optional<T> found = lookup.get();
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            waiters.release();
        }
    }

    /** Forgets what this instance cached: the copy is being rebuilt under it. */
    void forgetAll() {
        events.invalidateAll();
        unknown.invalidateAll();
        seats.invalidateAll();
    }

    private static ApiException eventNotFound() {
        return ApiException.notFound("event-not-found", "There is no such event.");
    }
}
