package dev.tiketi.event.browse;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.browse.CatalogFixtures.VenueRow;
import dev.tiketi.event.catalog.EventChanged;
import dev.tiketi.event.catalog.SeatsChanged;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read caches over real HTTP: served from Redis until a committed change says otherwise, keyed by
 * every query dimension, and filled once however many requests miss at the same time.
 */
@ServiceIntegrationTest
class CatalogCacheTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StringRedisTemplate redis;

    CatalogApi api;
    CatalogFixtures fixtures;
    VenueRow venue;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
        fixtures = new CatalogFixtures(jdbc);
        venue = fixtures.venue("Cache Hall", "Seoul");
    }

    @Test
    void aSecondReadIsAHitAndAnUncommittedChangeIsNotSeen() {
        UUID id = fixtures.insert(fixtures.event(venue, "Before"));
        double loads = count("event-detail", "load");
        double hits = count("event-detail", "hit");

        assertThat(title(id)).isEqualTo("Before");
        assertThat(title(id)).isEqualTo("Before");
        rename(id, "Silently renamed");

        assertThat(title(id)).isEqualTo("Before");
        assertThat(count("event-detail", "load") - loads).isEqualTo(1);
        assertThat(count("event-detail", "hit") - hits).isEqualTo(2);
    }

    @Test
    void eventChangedPublishedInATransactionRefreshesDetailAndListsAfterCommit() {
        UUID id = fixtures.insert(fixtures.event(venue, "Old Title"));
        assertThat(title(id)).isEqualTo("Old Title");
        assertThat(listTitles()).containsExactly("Old Title");

        transactions.executeWithoutResult(status -> {
            rename(id, "New Title");
            events.publishEvent(new EventChanged(id));
        });

        assertThat(title(id)).isEqualTo("New Title");
        assertThat(listTitles()).containsExactly("New Title");
    }

    @Test
    void aRolledBackChangeInvalidatesNothing() {
        UUID id = fixtures.insert(fixtures.event(venue, "Stays"));
        assertThat(title(id)).isEqualTo("Stays");
        String listVersion = redis.opsForValue().get("catalog:list:ver");

        transactions.executeWithoutResult(status -> {
            events.publishEvent(new EventChanged(id));
            status.setRollbackOnly();
        });

        assertThat(redis.opsForValue().get("catalog:list:ver")).isEqualTo(listVersion);
        double loads = count("event-detail", "load");
        assertThat(title(id)).isEqualTo("Stays");
        assertThat(count("event-detail", "load")).isEqualTo(loads);
    }

    @Test
    void seatsChangedRefreshesTheSummaryTheDetailAndTheList() {
        UUID id = fixtures.insert(fixtures.event(venue, "Selling").seats(10, 10));
        fixtures.seats(id, "A", 1, 10, "R", 50_000);
        assertThat(available(api.get("/api/events/" + id + "/seats/summary"), "$[0].available")).isEqualTo(10);
        assertThat(available(api.get("/api/events/" + id), "$.availableCount")).isEqualTo(10);
        assertThat(available(api.get("/api/events?venueId=" + venue.id()), "$.items[0].availableCount")).isEqualTo(10);

        transactions.executeWithoutResult(status -> {
            fixtures.sell(id, "A", 4);
            jdbc.update("UPDATE events SET available_count = 6 WHERE id = ?", id);
            events.publishEvent(new SeatsChanged(id));
        });

        assertThat(available(api.get("/api/events/" + id + "/seats/summary"), "$[0].available")).isEqualTo(6);
        assertThat(available(api.get("/api/events/" + id), "$.availableCount")).isEqualTo(6);
        assertThat(available(api.get("/api/events?venueId=" + venue.id()), "$.items[0].availableCount")).isEqualTo(6);
    }

    @Test
    void aChangePublishedOutsideATransactionInvalidatesAtOnce() {
        UUID id = fixtures.insert(fixtures.event(venue, "Untransacted"));
        assertThat(title(id)).isEqualTo("Untransacted");

        rename(id, "Renamed");
        events.publishEvent(new EventChanged(id));

        assertThat(title(id)).isEqualTo("Renamed");
    }

    @Test
    void queriesDifferingInAnyDimensionDoNotShareAPage() {
        fixtures.insert(fixtures.event(venue, "One"));
        fixtures.insert(fixtures.event(venue, "Two").category("SPORTS"));
        String scope = "venueId=" + venue.id();

        assertThat(total("/api/events?" + scope)).isEqualTo(2);
        assertThat(total("/api/events?category=SPORTS&" + scope)).isEqualTo(1);
        assertThat(total("/api/events?keyword=one&" + scope)).isEqualTo(1);
        assertThat(total("/api/events?keyword=two&" + scope)).isEqualTo(1);
        assertThat(total("/api/events?status=CANCELLED&" + scope)).isZero();
        assertThat(total("/api/events?city=busan&" + scope)).isZero();
        assertThat(JsonPath.<List<Object>>read(api.get("/api/events?size=1&" + scope).body(), "$.items")).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(api.get("/api/events?size=1&page=1&" + scope).body(), "$.items")).hasSize(1);
    }

    @Test
    void twoHundredConcurrentMissesOnOneKeyQueryTheDatabaseOnce() throws Exception {
        fixtures.insert(fixtures.event(venue, "Hot"));
        String path = "/api/events?sort=popularity&venueId=" + venue.id();
        double loads = count("event-list", "load");
        double bypasses = count("event-list", "bypass");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();

        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return api.get(path);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                assertThat(JsonPath.<List<String>>read(response.get().body(), "$.items[*].title")).containsExactly("Hot");
            }
        }

        assertThat(count("event-list", "load") - loads).isEqualTo(1);
        assertThat(count("event-list", "bypass") - bypasses).isZero();
    }

    @Test
    void unknownEventsAreNotCached() {
        UUID unknown = UUID.randomUUID();
        assertThat(api.get("/api/events/" + unknown).statusCode()).isEqualTo(404);

        jdbc.update("""
                INSERT INTO events (id, title, artist, category, venue_id, hall_id, starts_at, ends_at, sale_starts_at,
                    sale_ends_at, status, seat_count, available_count, search_text, created_at, updated_at)
                SELECT ?, 'Late', 'Artist', 'CONCERT', venue_id, hall_id, starts_at, ends_at, sale_starts_at,
                    sale_ends_at, status, seat_count, available_count, 'late', created_at, updated_at
                FROM events WHERE id = ?""", unknown, fixtures.insert(fixtures.event(venue, "Template")));

        assertThat(title(unknown)).isEqualTo("Late");
    }

    private void rename(UUID id, String title) {
        jdbc.update("UPDATE events SET title = ? WHERE id = ?", title, id);
    }

    private String title(UUID id) {
        var response = api.get("/api/events/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.title");
    }

    private List<String> listTitles() {
        return JsonPath.read(api.get("/api/events?venueId=" + venue.id()).body(), "$.items[*].title");
    }

    private int total(String path) {
        return JsonPath.read(api.get(path).body(), "$.totalItems");
    }

    private static int available(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), path);
    }

    private double count(String cache, String outcome) {
        return meters.counter("tiketi.cache.requests", "cache", cache, "outcome", outcome).count();
    }
}
