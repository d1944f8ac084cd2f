package dev.tiketi.event.browse;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The public catalog. List parameters: status (repeated or comma-separated; default all but CANCELLED),
 * category, from, to, city, venueId, keyword, sort ({@link EventSort}), page (from 0), size (1-100,
 * default 20); see {@link EventQueryParser}.
 *
 * <p>List, detail, seat summary and venues are the same for every visitor and are read by all of them when a sale
 * opens: they are marked {@code Cache-Control: public, max-age=}{@code shared-max-age} (a second), so that the
 * gateway's shared cache (and a browser) answer repeats within it, and a change reaches visitors within that
 * second. The seat map is left out: it carries every seat and is read by admins and tools, not by buyers.
 */
@RestController
class EventCatalogController {

    private final EventCatalog catalog;
    private final CacheControl shared;

    EventCatalogController(EventCatalog catalog, BrowseSettings settings) {
        this.catalog = catalog;
        this.shared = CacheControl.maxAge(settings.sharedMaxAge()).cachePublic();
    }

    @GetMapping("/api/events")
    ResponseEntity<EventPage> list(EventListParams params) {
        return shared(catalog.list(EventQueryParser.parse(params)));
    }

    @GetMapping("/api/events/{id}")
    ResponseEntity<EventDetail> detail(@PathVariable UUID id) {
        return shared(catalog.detail(id));
    }

    @GetMapping("/api/events/{id}/seats")
    SeatMap seats(@PathVariable UUID id) {
        return catalog.seatMap(id);
    }

    @GetMapping("/api/events/{id}/seats/summary")
    ResponseEntity<List<GradeSummary>> seatSummary(@PathVariable UUID id) {
        return shared(catalog.seatSummary(id));
    }

    @GetMapping("/api/venues")
    ResponseEntity<List<VenueSummary>> venues() {
        return shared(catalog.venues());
    }

    @GetMapping("/api/venues/{id}")
    ResponseEntity<VenueDetail> venue(@PathVariable UUID id) {
        return shared(catalog.venue(id));
    }

    private <T> ResponseEntity<T> shared(T body) {
        return ResponseEntity.ok().cacheControl(shared).body(body);
    }
}
