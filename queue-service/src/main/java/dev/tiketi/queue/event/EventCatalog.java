package dev.tiketi.queue.event;

import dev.tiketi.queue.config.QueueProperties;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.web.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event status from event-service, cached for a few seconds: every enter asks, and at a sale's opening
 * thousands of enters a second must not each become an HTTP call.
 */
@Component
public class EventCatalog {

    /** A neighbour that cannot be reached (restarting, its breaker open) is worth asking again this soon. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** Unknown ids are cached too, so a flood of made-up ids cannot grow the cache without bound. */
    private static final int MAX_CACHED = 10_000;

    private final RestClient client;
    private final Duration ttl;
    private final Clock clock;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    EventCatalog(@Value("${tiketi.urls.event-service}") String baseUrl, QueueProperties properties,
                 ServiceCredentials credentials) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(2));
        this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .requestInterceptor(credentials.interceptor()).build();
        this.ttl = properties.eventCacheTtl();
        this.clock = Clock.systemUTC();
    }

    /** The event, or empty when event-service does not know it; 503 problem when it cannot be asked. */
    public Optional<EventSummary> find(UUID eventId) {
        Instant now = clock.instant();
        Cached cached = cache.get(eventId);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return cached.event();
        }
        Optional<EventSummary> event = fetch(eventId);
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        }
        if (cache.size() < MAX_CACHED) {
            cache.put(eventId, new Cached(event, now.plus(ttl)));
        }
        return event;
    }

    private Optional<EventSummary> fetch(UUID eventId) {
        try {
            return client.get().uri("/internal/events/{id}", eventId).exchange((request, response) -> {
                if (response.getStatusCode().value() == 404) {
                    return Optional.empty();
                }
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new RestClientException("event-service answered " + response.getStatusCode());
                }
                return Optional.ofNullable(response.bodyTo(EventSummary.class));
            });
        } catch (RestClientException e) {
            throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "event-service-unavailable",
                    "The event catalog cannot be reached right now; try again shortly.", RETRY_AFTER);
        }
    }

    private record Cached(Optional<EventSummary> event, Instant expiresAt) {
    }
}
