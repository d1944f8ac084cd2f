package dev.tiketi.event.admin;

import dev.tiketi.event.catalog.EventChanged;
import dev.tiketi.event.seat.SeatGenerator;
import dev.tiketi.event.seat.SeatLayout;
import dev.tiketi.event.status.EventStatus;
import dev.tiketi.event.status.EventStatusPolicy;
import dev.tiketi.event.status.SaleFacts;
import dev.tiketi.event.venue.Hall;
import dev.tiketi.event.venue.HallRepository;
import dev.tiketi.event.venue.SeatTemplateJson;
import dev.tiketi.event.venue.Venue;
import dev.tiketi.event.venue.VenueRepository;
import dev.tiketi.web.problem.ApiException;
import dev.tiketi.web.problem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Events as admins manage them. The status is never written by hand except for cancelling: after every
 * change it is recomputed by {@link EventStatusPolicy}. Opening a sale moves its start to now; closing it
 * moves its end to now, which makes the event ENDED (sales over) even before the event itself takes place.
 */
@Service
public class EventAdmin {

    private static final Logger log = LoggerFactory.getLogger(EventAdmin.class);

    private final EventStore events;
    private final HallRepository halls;
    private final VenueRepository venues;
    private final SeatTemplateJson templateJson;
    private final SeatGenerator seatGenerator;
    private final ApplicationEventPublisher publisher;
    private final CatalogEvents catalogEvents;
    private final Clock clock;

    EventAdmin(EventStore events, HallRepository halls, VenueRepository venues, SeatTemplateJson templateJson,
            SeatGenerator seatGenerator, ApplicationEventPublisher publisher, CatalogEvents catalogEvents, Clock clock) {
        this.events = events;
        this.halls = halls;
        this.venues = venues;
        this.templateJson = templateJson;
        this.seatGenerator = seatGenerator;
        this.publisher = publisher;
        this.catalogEvents = catalogEvents;
        this.clock = clock;
    }

    /** Creates the event and every seat of its hall's current template, in one transaction. */
    @Transactional
    public EventView create(EventRequest request) {
        Instant now = now();
        if (request.hallId() == null) {
            throw ApiException.invalidField("hallId", "NotNull", "must not be null");
        }
        EventStore.EventDetails details = details(request);
        requireValid(details, true, now);
        Hall hall = halls.findForShareById(request.hallId())
                .orElseThrow(() -> ApiException.invalidField("hallId", "NotFound", "there is no such hall"));
        Venue venue = venues.findById(hall.venueId()).orElseThrow(VenueAdmin::venueNotFound);
        SeatLayout layout = SeatLayout.of(templateJson.read(hall.seatTemplateJson()));
        int seatCount = layout.seatCount();
        EventStatus status = EventStatusPolicy.statusAt(
                new SaleFacts(false, details.saleStartsAt(), details.saleEndsAt(), details.endsAt(), seatCount), now);
        UUID id = UUID.randomUUID();
        long started = System.nanoTime();
        events.insert(new EventStore.NewEvent(id, details.title(), details.artist(), details.description(),
                details.category(), venue.id(), hall.id(), details.startsAt(), details.endsAt(), details.saleStartsAt(),
                details.saleEndsAt(), details.posterUrl(), status, seatCount,
                SearchText.of(details.title(), details.artist(), venue.name(), venue.city()), now));
        int generated = seatGenerator.generate(id, layout, now);
        log.info("Event {} created with {} seats in {} ms", id, generated, (System.nanoTime() - started) / 1_000_000);
        catalogEvents.created(id);
        publisher.publishEvent(new EventChanged(id));
        return event(id);
    }

    @Transactional(readOnly = true)
    public EventView event(UUID id) {
        return events.find(id).map(EventRow::view).orElseThrow(EventAdmin::eventNotFound);
    }

    /** Count and rows from one snapshot, so that totals and content agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageView<EventView> page(EventStatus status, int page, int size) {
        long total = events.count(status);
        return PageView.of(events.page(status, page, size).stream().map(EventRow::view).toList(), page, size, total);
    }

    /** Edits details and times; the hall stays, since the seats came from it. */
    @Transactional
    public EventView update(UUID id, EventRequest request) {
        Instant now = now();
        EventRow event = events.lock(id).orElseThrow(EventAdmin::eventNotFound);
        requireNotCancelled(event);
        if (request.hallId() != null && !request.hallId().equals(event.hallId())) {
            throw ApiException.conflict("hall-fixed", "The event's seats were generated from its hall; "
                    + "the hall cannot change. Cancel the event and create a new one instead.");
        }
        EventStore.EventDetails details = details(request);
        requireValid(details, !details.startsAt().equals(event.startsAt()), now);
        EventStatus status = EventStatusPolicy.statusAt(new SaleFacts(false, details.saleStartsAt(),
                details.saleEndsAt(), details.endsAt(), event.availableCount()), now);
        events.updateDetails(id, details,
                SearchText.of(details.title(), details.artist(), event.venueName(), event.venueCity()), status, now);
        catalogEvents.changed(id);
        publisher.publishEvent(new EventChanged(id));
        return event(id);
    }

    /** Cancels for good. Cancelling a cancelled event changes nothing; an event that is over cannot be. */
    @Transactional
    public EventView cancel(UUID id) {
        Instant now = now();
        EventRow event = events.lock(id).orElseThrow(EventAdmin::eventNotFound);
        if (event.status() == EventStatus.CANCELLED) {
            return event.view();
        }
        if (!now.isBefore(event.endsAt())) {
            throw ApiException.conflict("event-over", "The event is over; it can no longer be cancelled.");
        }
        events.updateStatus(id, EventStatus.CANCELLED, now);
        // reservation-service cancels and refunds the event's reservations, queue-service closes its waiting room
        catalogEvents.cancelled(id, now);
        publisher.publishEvent(new EventChanged(id));
        return event(id);
    }

    /** Starts the sale of an UPCOMING event now instead of at its planned time. */
    @Transactional
    public EventView openSale(UUID id) {
        Instant now = now();
        EventRow event = events.lock(id).orElseThrow(EventAdmin::eventNotFound);
        if (EventStatusPolicy.statusAt(event.facts(), now) != EventStatus.UPCOMING) {
            throw ApiException.conflict("sale-not-upcoming", "Only the sale of an upcoming event can be opened.");
        }
        changeSale(event, now, event.saleEndsAt(), now);
        catalogEvents.saleOpened(id);
        return event(id);
    }

    /** Ends a running sale now; the event becomes ENDED (sales over) although it has not taken place yet. */
    @Transactional
    public EventView closeSale(UUID id) {
        Instant now = now();
        EventRow event = events.lock(id).orElseThrow(EventAdmin::eventNotFound);
        EventStatus current = EventStatusPolicy.statusAt(event.facts(), now);
        // the sale must have run at least a moment: its end has to stay after its start
        if ((current != EventStatus.ON_SALE && current != EventStatus.SOLD_OUT) || !now.isAfter(event.saleStartsAt())) {
            throw ApiException.conflict("sale-not-open", "Only a sale that is open can be closed.");
        }
        changeSale(event, event.saleStartsAt(), now, now);
        catalogEvents.saleClosed(id);
        return event(id);
    }

    private void changeSale(EventRow event, Instant saleStartsAt, Instant saleEndsAt, Instant now) {
        EventStatus status = EventStatusPolicy.statusAt(
                new SaleFacts(false, saleStartsAt, saleEndsAt, event.endsAt(), event.availableCount()), now);
        events.updateSale(event.id(), saleStartsAt, saleEndsAt, status, now);
        publisher.publishEvent(new EventChanged(event.id()));
    }

    private static EventStore.EventDetails details(EventRequest request) {
        return new EventStore.EventDetails(request.title().strip(), request.artist().strip(),
                request.description() == null ? "" : request.description().strip(), request.category(),
                micros(request.startsAt()), micros(request.endsAt()), micros(request.saleStartsAt()),
                micros(request.saleEndsAt()),
                request.posterUrl() == null || request.posterUrl().isBlank() ? null : request.posterUrl().strip());
    }

    private static void requireValid(EventStore.EventDetails details, boolean mustStartInFuture, Instant now) {
        List<FieldError> errors = EventRules.validate(details.startsAt(), details.endsAt(), details.saleStartsAt(),
                details.saleEndsAt(), mustStartInFuture, now);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields.", errors);
        }
    }

    private static void requireNotCancelled(EventRow event) {
        if (event.status() == EventStatus.CANCELLED) {
            throw ApiException.conflict("event-cancelled", "The event is cancelled; it can no longer be changed.");
        }
    }

    /** PostgreSQL keeps microseconds; answering with what was stored keeps reads and writes equal. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private Instant now() {
        return micros(clock.instant());
    }

    static ApiException eventNotFound() {
        return ApiException.notFound("event-not-found", "There is no such event.");
    }
}
