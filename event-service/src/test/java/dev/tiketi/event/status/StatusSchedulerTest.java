package dev.tiketi.event.status;

import dev.tiketi.event.admin.EventAdmin;
import dev.tiketi.event.admin.EventCategory;
import dev.tiketi.event.admin.EventRequest;
import dev.tiketi.event.admin.HallRequest;
import dev.tiketi.event.admin.VenueAdmin;
import dev.tiketi.event.admin.VenueRequest;
import dev.tiketi.event.venue.SeatTemplate;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scheduler as deployed (real clock, default interval) opens a sale by itself. */
@ServiceIntegrationTest
class StatusSchedulerTest {

    @Autowired
    VenueAdmin venues;

    @Autowired
    EventAdmin events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSaleOpensWithinAFewSecondsOfItsStart() {
        var venue = venues.create(new VenueRequest("Scheduler Venue " + UUID.randomUUID(), "Seoul", "x"));
        var hall = venues.createHall(venue.id(), new HallRequest("Main", new SeatTemplate(
                List.of(new SeatTemplate.Section("F", "R", List.of(new SeatTemplate.Row("A", 2, null)))),
                Map.of("R", 10_000L))));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var event = events.create(new EventRequest("Soon", "Band", null, EventCategory.CONCERT, hall.id(),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1).plusHours(2)), now.plusSeconds(1),
                now.plus(Duration.ofHours(20)), null));
        assertThat(event.status()).isEqualTo(EventStatus.UPCOMING);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT status FROM events WHERE id = ?", String.class, event.id()))
                .isEqualTo("ON_SALE"));
    }
}
