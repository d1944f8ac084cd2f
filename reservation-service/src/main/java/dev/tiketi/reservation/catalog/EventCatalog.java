package dev.tiketi.reservation.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tiketi.reservation.config.ReservationProperties;
import dev.tiketi.reservation.config.ServiceClients;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.web.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * event-service's internal endpoints. Event facts are cached briefly per event: at a sale's opening every hold
 * and every seat-map view would otherwise be an HTTP call. Seat lookups are not cached,
 * so a hold always snapshots the current price. 503 {@code event-service-unavailable} when it cannot be asked.
 */
@Component
public class EventCatalog {

    /** A neighbour that cannot be reached (restarting, its breaker open) is worth asking again this soon. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** Unknown ids are cached too, so a flood of made-up ids cannot grow the cache without bound. */
    private static final int MAX_CACHED = 10_000;
    private static final ParameterizedTypeReference<CatalogEvent> EVENT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<CatalogSeat>> SEATS = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;
    private final Cache<UUID, Optional<CatalogEvent>> events;

    EventCatalog(@Value("${tiketi.urls.event-service}") String baseUrl, ReservationProperties properties,
                 ServiceCredentials credentials) {
        this.client = ServiceClients.to(baseUrl, credentials);
        this.events = Caffeine.newBuilder().maximumSize(MAX_CACHED).expireAfterWrite(properties.eventCacheTtl()).build();
    }

    /** The event; 404 {@code event-not-found} when event-service does not know it. */
    public CatalogEvent event(UUID eventId) {
        return events.get(eventId, id -> fetch("/internal/events/{id}", EVENT, id)).orElseThrow(EventCatalog::eventNotFound);
    }

    /** The asked-for seats that belong to the event, with their current price and status; others are absent. */
    public List<CatalogSeat> seats(UUID eventId, Collection<UUID> seatIds) {
        String ids = seatIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        return fetch("/internal/events/{id}/seats?ids={ids}", SEATS, eventId, ids).orElseThrow(EventCatalog::eventNotFound);
    }

    /** The answer's body, or empty when event-service answers 404. */
    private <T> Optional<T> fetch(String uri, ParameterizedTypeReference<T> type, Object... variables) {
        try {
            return client.get().uri(uri, variables).exchange((request, response) -> {
                if (response.getStatusCode().value() == 404) {
                    return Optional.empty();
                }
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new RestClientException("event-service answered " + response.getStatusCode());
                }
                return Optional.ofNullable(response.bodyTo(type));
            });
        } catch (RestClientException e) {
            throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "event-service-unavailable",
                    "The event catalog cannot be reached right now; try again shortly.", RETRY_AFTER);
        }
    }

    private static ApiException eventNotFound() {
        return ApiException.notFound("event-not-found", "There is no such event.");
    }
}
