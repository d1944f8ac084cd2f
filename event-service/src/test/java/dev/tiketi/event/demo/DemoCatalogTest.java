package dev.tiketi.event.demo;

import dev.tiketi.event.venue.HallRepository;
import dev.tiketi.event.venue.SeatTemplateJson;
import dev.tiketi.event.venue.VenueRepository;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class DemoCatalogTest {

    @Autowired
    DemoCatalog demoCatalog;

    @Autowired
    VenueRepository venues;

    @Autowired
    HallRepository halls;

    @Autowired
    SeatTemplateJson templateJson;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedsOneVenueWithAThousandSeatHallAndIsIdempotent() {
        demoCatalog.seed();
        demoCatalog.seed();

        var venue = venues.findByNameAndCity(DemoCatalog.VENUE_NAME, DemoCatalog.CITY).orElseThrow();
        var venueHalls = halls.findByVenueIdOrderByName(venue.id());
        assertThat(venueHalls).hasSize(1);
        var hall = venueHalls.getFirst();
        assertThat(hall.seatCount()).isEqualTo(1_000);

        var template = templateJson.read(hall.seatTemplateJson());
        assertThat(template.seatCount()).isEqualTo(1_000);
        assertThat(template.prices()).containsEntry("VIP", 198_000L).containsKeys("R", "S", "A");
        assertThat(template.sections().getFirst().rows().getFirst().grade()).isEqualTo("VIP");

        Integer stored = jdbc.queryForObject(
                "SELECT count(*) FROM event_service.venues WHERE name = ?", Integer.class, DemoCatalog.VENUE_NAME);
        assertThat(stored).isEqualTo(1);
        String sectionName = jdbc.queryForObject(
                "SELECT seat_template -> 'sections' -> 0 ->> 'name' FROM event_service.halls WHERE id = ?",
                String.class, hall.id());
        assertThat(sectionName).isEqualTo("FLOOR");
    }
}
