package dev.tiketi.event.browse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The public catalog. List parameters: status (repeated or comma-separated; default all but CANCELLED),
 * category, from, to, city, venueId, keyword, sort ({@link EventSort}), page (from 0), size (1-100,
 * default 20); see {@link EventQueryParser}.
 */
@RestController
class EventCatalogController {

    private final EventCatalog catalog;

    EventCatalogController(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/events")
    EventPage list(EventListParams params) {
        return catalog.list(EventQueryParser.parse(params));
    }

    @GetMapping("/api/events/{id}")
    EventDetail detail(@PathVariable UUID id) {
        return catalog.detail(id);
    }

    @GetMapping("/api/events/{id}/seats")
    SeatMap seats(@PathVariable UUID id) {
        return catalog.seatMap(id);
    }

    @GetMapping("/api/events/{id}/seats/summary")
    List<GradeSummary> seatSummary(@PathVariable UUID id) {
        return catalog.seatSummary(id);
    }

    @GetMapping("/api/venues")
    List<VenueSummary> venues() {
        return catalog.venues();
    }

    @GetMapping("/api/venues/{id}")
    VenueDetail venue(@PathVariable UUID id) {
        return catalog.venue(id);
    }
}
