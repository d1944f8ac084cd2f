package dev.tiketi.event.demo;

import dev.tiketi.event.venue.SeatTemplateRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTemplateTest {

    @Test
    void theDemoHallPassesTheRulesAdminsAreHeldTo() {
        assertThat(SeatTemplateRules.validate(DemoCatalog.template(), "seatTemplate")).isEmpty();
    }
}
