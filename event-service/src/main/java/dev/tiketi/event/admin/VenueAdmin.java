package dev.tiketi.event.admin;

import dev.tiketi.event.catalog.EventChanged;
import dev.tiketi.event.venue.Hall;
import dev.tiketi.event.venue.HallRepository;
import dev.tiketi.event.venue.SeatTemplate;
import dev.tiketi.event.venue.SeatTemplateJson;
import dev.tiketi.event.venue.SeatTemplateRules;
import dev.tiketi.event.venue.Venue;
import dev.tiketi.event.venue.VenueRepository;
import dev.tiketi.web.problem.ApiException;
import dev.tiketi.web.problem.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Venues and halls as admins manage them. A venue or hall that an event uses cannot be deleted. */
@Service
public class VenueAdmin {

    private final VenueRepository venues;
    private final HallRepository halls;
    private final SeatTemplateJson templateJson;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    VenueAdmin(VenueRepository venues, HallRepository halls, SeatTemplateJson templateJson, JdbcClient jdbc,
            ApplicationEventPublisher publisher, Clock clock) {
        this.venues = venues;
        this.halls = halls;
        this.templateJson = templateJson;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public VenueView create(VenueRequest request) {
        String name = request.name().strip();
        String city = request.city().strip();
        requireUniqueVenue(name, city, null);
        return VenueView.of(venues.saveAndFlush(new Venue(name, city, request.address().strip(), now())));
    }

    @Transactional(readOnly = true)
    public VenueView venue(UUID id) {
        return VenueView.of(findVenue(id));
    }

    @Transactional(readOnly = true)
    public PageView<VenueView> venues(int page, int size) {
        var result = venues.findAllByOrderByNameAscCityAsc(PageRequest.of(page, size));
        return PageView.of(result.map(VenueView::of).getContent(), page, size, result.getTotalElements());
    }

    /** Renaming a venue changes what its events are found by, so their search text follows. */
    @Transactional
    public VenueView update(UUID id, VenueRequest request) {
        Venue venue = venues.findForUpdateById(id).orElseThrow(VenueAdmin::venueNotFound);
        String name = request.name().strip();
        String city = request.city().strip();
        requireUniqueVenue(name, city, id);
        venue.update(name, city, request.address().strip(), now());
        venues.flush();
        List<EventNames> events = jdbc.sql("SELECT id, title, artist FROM events WHERE venue_id = :venue")
                .param("venue", id)
                .query(EventNames.class).list();
        for (EventNames event : events) {
            jdbc.sql("UPDATE events SET search_text = :text, version = version + 1, updated_at = :now WHERE id = :id")
                    .param("text", SearchText.of(event.title(), event.artist(), name, city))
                    .param("now", Sql.timestamp(now()))
                    .param("id", event.id())
                    .update();
            publisher.publishEvent(new EventChanged(event.id()));
        }
        return VenueView.of(venue);
    }

    /** Deletes the venue and its halls, unless an event takes place there. */
    @Transactional
    public void deleteVenue(UUID id) {
        Venue venue = venues.findForUpdateById(id).orElseThrow(VenueAdmin::venueNotFound);
        if (eventsAt("venue_id", id) > 0) {
            throw ApiException.conflict("venue-in-use", "Events take place at this venue; it cannot be deleted.");
        }
        halls.deleteAll(halls.findByVenueIdOrderByName(id));
        venues.delete(venue);
    }

    @Transactional
    public HallView createHall(UUID venueId, HallRequest request) {
        findVenue(venueId);
        SeatTemplate template = validTemplate(request.seatTemplate());
        String name = request.name().strip();
        requireUniqueHall(venueId, name, null);
        Hall hall = halls.saveAndFlush(new Hall(venueId, name, templateJson.write(template), template.seatCount(), now()));
        return HallView.of(hall, template);
    }

    @Transactional(readOnly = true)
    public HallView hall(UUID id) {
        Hall hall = halls.findById(id).orElseThrow(VenueAdmin::hallNotFound);
        return HallView.of(hall, templateJson.read(hall.seatTemplateJson()));
    }

    @Transactional(readOnly = true)
    public List<HallView> halls(UUID venueId) {
        findVenue(venueId);
        return halls.findByVenueIdOrderByName(venueId).stream()
                .map(hall -> HallView.of(hall, templateJson.read(hall.seatTemplateJson())))
                .toList();
    }

    /**
     * Replaces name and template. Seats are generated when an event is created, so events already on sale
     * keep the layout they were created with; only later events get the new one.
     */
    @Transactional
    public HallView updateHall(UUID id, HallRequest request) {
        Hall hall = halls.findForUpdateById(id).orElseThrow(VenueAdmin::hallNotFound);
        SeatTemplate template = validTemplate(request.seatTemplate());
        String name = request.name().strip();
        requireUniqueHall(hall.venueId(), name, id);
        hall.update(name, templateJson.write(template), template.seatCount(), now());
        halls.flush();
        return HallView.of(hall, template);
    }

    @Transactional
    public void deleteHall(UUID id) {
        Hall hall = halls.findForUpdateById(id).orElseThrow(VenueAdmin::hallNotFound);
        if (eventsAt("hall_id", id) > 0) {
            throw ApiException.conflict("hall-in-use", "Events use this hall; it cannot be deleted.");
        }
        halls.delete(hall);
    }

    private SeatTemplate validTemplate(SeatTemplate template) {
        List<FieldError> errors = SeatTemplateRules.validate(template, "seatTemplate");
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields.", errors);
        }
        return template.stripped();
    }

    private void requireUniqueVenue(String name, String city, UUID self) {
        venues.findByNameAndCity(name, city).filter(existing -> !existing.id().equals(self)).ifPresent(existing -> {
            throw ApiException.conflict("venue-exists", "A venue with this name already exists in " + city + ".");
        });
    }

    private void requireUniqueHall(UUID venueId, String name, UUID self) {
        halls.findByVenueIdAndName(venueId, name).filter(existing -> !existing.id().equals(self)).ifPresent(existing -> {
            throw ApiException.conflict("hall-exists", "This venue already has a hall with this name.");
        });
    }

    private long eventsAt(String column, UUID id) {
        return jdbc.sql("SELECT count(*) FROM events WHERE " + column + " = :id").param("id", id)
                .query(Long.class).single();
    }

    private Venue findVenue(UUID id) {
        return venues.findById(id).orElseThrow(VenueAdmin::venueNotFound);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ApiException venueNotFound() {
        return ApiException.notFound("venue-not-found", "There is no such venue.");
    }

    static ApiException hallNotFound() {
        return ApiException.notFound("hall-not-found", "There is no such hall.");
    }

    private record EventNames(UUID id, String title, String artist) {
    }
}
