package dev.tiketi.event.demo;

import dev.tiketi.event.venue.Hall;
import dev.tiketi.event.venue.HallRepository;
import dev.tiketi.event.venue.SeatTemplate;
import dev.tiketi.event.venue.SeatTemplate.Row;
import dev.tiketi.event.venue.SeatTemplate.Section;
import dev.tiketi.event.venue.SeatTemplateJson;
import dev.tiketi.event.venue.Venue;
import dev.tiketi.event.venue.VenueRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The venue and hall a fresh local platform starts with, so an admin can create an event right away. */
public class DemoCatalog {

    static final String VENUE_NAME = "KSPO DOME (올림픽체조경기장)";
    static final String CITY = "Seoul";
    static final String HALL_NAME = "Main Hall";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final VenueRepository venues;
    private final HallRepository halls;
    private final SeatTemplateJson templateJson;
    private final Clock clock;

    public DemoCatalog(VenueRepository venues, HallRepository halls, SeatTemplateJson templateJson, Clock clock) {
        this.venues = venues;
        this.halls = halls;
        this.templateJson = templateJson;
        this.clock = clock;
    }

    /** Creates the demo venue and hall unless they exist; safe to run on every start. */
    @Transactional
    public void seed() {
        if (venues.findByNameAndCity(VENUE_NAME, CITY).isPresent()) {
            return;
        }
        Venue venue = venues.save(new Venue(VENUE_NAME, CITY, "424 Olympic-ro, Songpa-gu, Seoul", clock.instant()));
        SeatTemplate template = template();
        halls.save(new Hall(venue.id(), HALL_NAME, templateJson.write(template), template.seatCount(), clock.instant()));
        log.info("Demo venue '{}' with a {}-seat hall created", VENUE_NAME, template.seatCount());
    }

    /** Floor VIP and R, first-floor S, second-floor A: 1,000 seats. */
    static SeatTemplate template() {
        Map<String, Long> prices = new LinkedHashMap<>();
        prices.put("VIP", 198_000L);
        prices.put("R", 165_000L);
        prices.put("S", 132_000L);
        prices.put("A", 99_000L);
        return new SeatTemplate(List.of(
                new Section("FLOOR", "R", rows("A", 10, 20, "VIP", 3)),
                new Section("1F", "S", rows("A", 10, 30, null, 0)),
                new Section("2F", "A", rows("A", 10, 50, null, 0))), prices);
    }

    /** {@code count} rows of {@code seats} seats labelled from {@code first}; the first {@code premiumRows} get {@code premiumGrade}. */
    private static List<Row> rows(String first, int count, int seats, String premiumGrade, int premiumRows) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = String.valueOf((char) (first.charAt(0) + i));
            rows.add(new Row(label, seats, i < premiumRows ? premiumGrade : null));
        }
        return rows;
    }
}
