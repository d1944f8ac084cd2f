package dev.tiketi.event.demo;

import dev.tiketi.event.admin.EventAdmin;
import dev.tiketi.event.venue.HallRepository;
import dev.tiketi.event.venue.SeatTemplateJson;
import dev.tiketi.event.venue.VenueRepository;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class DemoDataConfig {

    @Bean
    DemoCatalog demoCatalog(VenueRepository venues, HallRepository halls, SeatTemplateJson json, Clock clock) {
        return new DemoCatalog(venues, halls, json, clock);
    }

    @Bean
    DemoEvents demoEvents(DemoCatalog catalog, VenueRepository venues, HallRepository halls, EventAdmin events,
            JdbcClient jdbc, Clock clock) {
        return new DemoEvents(catalog, venues, halls, events, jdbc, clock);
    }

    @Bean
    @Profile("demo")
    ApplicationRunner seedDemoCatalog(DemoEvents events) {
        return arguments -> events.seed();
    }
}
