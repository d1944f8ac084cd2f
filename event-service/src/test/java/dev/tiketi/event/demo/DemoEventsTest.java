package dev.tiketi.event.demo;

import dev.tiketi.event.CatalogIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DemoEventsTest extends CatalogIntegrationTest {

    @Autowired
    DemoEvents demoEvents;

    @Test
    void seedsOneOnSaleAndOneUpcomingEventOnTheDemoHallOnce() {
        demoEvents.seed();
        demoEvents.seed();

        assertThat(jdbc.queryForObject("SELECT status FROM events WHERE title = ?", String.class,
                DemoEvents.ON_SALE_TITLE)).isEqualTo("ON_SALE");
        assertThat(jdbc.queryForObject("SELECT status FROM events WHERE title = ?", String.class,
                DemoEvents.UPCOMING_TITLE)).isEqualTo("UPCOMING");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM seats s JOIN events e ON e.id = s.event_id WHERE e.title = ?""",
                Integer.class, DemoEvents.ON_SALE_TITLE)).isEqualTo(1_000);
    }
}
