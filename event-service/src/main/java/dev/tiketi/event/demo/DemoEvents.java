package dev.tiketi.event.demo;

import dev.tiketi.event.admin.EventAdmin;
import dev.tiketi.event.admin.EventCategory;
import dev.tiketi.event.admin.EventRequest;
import dev.tiketi.event.venue.Hall;
import dev.tiketi.event.venue.HallRepository;
import dev.tiketi.event.venue.VenueRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Two events on the demo hall, so a fresh local platform has something to browse and to buy: one on sale
 * now (for 30 days, the concert in about 35) and one whose sale opens in a week.
 */
public class DemoEvents {

    static final String ON_SALE_TITLE = "TIKETI Live 2026 — Opening Night";
    static final String UPCOMING_TITLE = "Seoul Philharmonic: New Year Gala";

    private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);

    private final DemoCatalog catalog;
    private final VenueRepository venues;
    private final HallRepository halls;
    private final EventAdmin events;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DemoEvents(DemoCatalog catalog, VenueRepository venues, HallRepository halls, EventAdmin events,
            JdbcClient jdbc, Clock clock) {
        this.catalog = catalog;
        this.venues = venues;
        this.halls = halls;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Seeds the demo venue first; creates each event unless an event of that title is on the hall already. */
    public void seed() {
        catalog.seed();
        var venue = venues.findByNameAndCity(DemoCatalog.VENUE_NAME, DemoCatalog.CITY).orElseThrow();
        Hall hall = halls.findByVenueIdAndName(venue.id(), DemoCatalog.HALL_NAME).orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        createUnlessPresent(hall, new EventRequest(ON_SALE_TITLE, "TIKETI All Stars",
                "The demo concert: its sale is open, the waiting room and the seat map are live.",
                EventCategory.CONCERT, hall.id(), now.plus(Duration.ofDays(35)),
                now.plus(Duration.ofDays(35)).plus(Duration.ofHours(3)), now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(30)), null));
        createUnlessPresent(hall, new EventRequest(UPCOMING_TITLE, "Seoul Philharmonic Orchestra",
                "The demo event whose sale has not opened yet.", EventCategory.CLASSIC, hall.id(),
                now.plus(Duration.ofDays(60)), now.plus(Duration.ofDays(60)).plus(Duration.ofHours(2)),
                now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(59)), null));
    }

    private void createUnlessPresent(Hall hall, EventRequest request) {
        boolean present = jdbc.sql("SELECT EXISTS (SELECT 1 FROM events WHERE hall_id = :hall AND title = :title)")
                .param("hall", hall.id())
                .param("title", request.title())
                .query(Boolean.class).single();
        if (!present) {
            var event = events.create(request);
            log.info("Demo event '{}' created: {}", event.title(), event.status());
        }
    }
}
