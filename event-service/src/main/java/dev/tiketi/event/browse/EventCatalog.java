package dev.tiketi.event.browse;

import dev.tiketi.event.cache.VersionedCache;
import dev.tiketi.web.problem.ApiException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * The public catalog: list pages, details and seat summaries through the cache, seat maps straight from
 * the database (seat status changes too often for a cached map to be worth it).
 *
 * <p>Cache namespaces: {@link #LIST} for every list page, {@code catalog:event:<id>} for an event's
 * detail and summary. {@link CatalogCacheInvalidation} bumps them when the data changes.
 */
@Service
public class EventCatalog {

    static final String LIST = "catalog:list";

    private final CatalogReads reads;
    private final KeywordExpansion keywords;
    private final VersionedCache cache;
    private final BrowseSettings settings;

    public EventCatalog(CatalogReads reads, KeywordExpansion keywords, VersionedCache cache, BrowseSettings settings) {
        this.reads = reads;
        this.keywords = keywords;
        this.cache = cache;
        this.settings = settings;
    }

    static String eventNamespace(UUID eventId) {
        return "catalog:event:" + eventId;
    }

    public EventPage list(EventQuery query) {
        return cache.get("event-list", LIST, query.cacheKey(), settings.listTtl(), EventPage.class,
                () -> reads.list(query, query.keyword() == null ? List.of() : keywords.expand(query.keyword())));
    }

    public EventDetail detail(UUID eventId) {
        return cache.get("event-detail", eventNamespace(eventId), "detail", settings.detailTtl(), EventDetail.class,
                () -> reads.detail(eventId).orElseThrow(() -> eventNotFound(eventId)));
    }

    public List<GradeSummary> seatSummary(UUID eventId) {
        return cache.get("seat-summary", eventNamespace(eventId), "summary", settings.summaryTtl(), SeatSummary.class,
                () -> reads.seatSummary(eventId).orElseThrow(() -> eventNotFound(eventId))).grades();
    }

    public SeatMap seatMap(UUID eventId) {
        return reads.seatMap(eventId).orElseThrow(() -> eventNotFound(eventId));
    }

    public List<VenueSummary> venues() {
        return reads.venues();
    }

    public VenueDetail venue(UUID venueId) {
        return reads.venue(venueId)
                .orElseThrow(() -> ApiException.notFound("venue-not-found", "No venue has id " + venueId + "."));
    }

    private static ApiException eventNotFound(UUID eventId) {
        return ApiException.notFound("event-not-found", "No event has id " + eventId + ".");
    }
}
