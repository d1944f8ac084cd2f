package dev.tiketi.event.admin;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.CatalogIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventAdminTest extends CatalogIntegrationTest {

    @Test
    void creatingAnEventGeneratesEverySeatOfItsHall() {
        String venueId = createVenue();
        String hallId = createHall(venueId, SMALL_TEMPLATE);
        String title = unique("아이유 콘서트");

        var response = post("/api/admin/events", eventJson(hallId, title, inDays(2)), admin);

        assertStatus(response, 201);
        String id = id(response);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UPCOMING");
        assertThat(JsonPath.<Integer>read(response.body(), "$.seatCount")).isEqualTo(70);
        assertThat(JsonPath.<Integer>read(response.body(), "$.availableCount")).isEqualTo(70);
        assertThat(JsonPath.<String>read(response.body(), "$.venue.id")).isEqualTo(venueId);
        assertThat(JsonPath.<String>read(response.body(), "$.venue.city")).isEqualTo("Seoul");
        assertThat(JsonPath.<String>read(response.body(), "$.hall.id")).isEqualTo(hallId);
        assertThat(JsonPath.<String>read(response.body(), "$.category")).isEqualTo("CONCERT");
        assertThat(JsonPath.<String>read(response.body(), "$.startsAt")).endsWith("Z");

        List<Map<String, Object>> perGrade = jdbc.queryForList("""
                SELECT grade, count(*) AS seats, min(price) AS low, max(price) AS high FROM seats
                 WHERE event_id = ?::uuid AND status = 'AVAILABLE' GROUP BY grade ORDER BY grade""", id);
        assertThat(perGrade).extracting(row -> row.get("grade") + ":" + row.get("seats") + ":" + row.get("low")
                + ":" + row.get("high")).containsExactly("R:20:120000:120000", "S:40:90000:90000", "VIP:10:150000:150000");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM seats WHERE event_id = ?::uuid AND section = 'BALCONY' AND row_label = 'B'
                   AND number BETWEEN 1 AND 20""", Integer.class, id)).isEqualTo(20);
        String searchText = jdbc.queryForObject("SELECT search_text FROM events WHERE id = ?::uuid", String.class, id);
        assertThat(searchText).startsWith(title.toLowerCase()).contains("iu").endsWith("seoul");
        assertThat(changes.count(UUID.fromString(id))).isEqualTo(1);

        assertStatus(get("/api/admin/events/" + id, admin), 200);
    }

    @Test
    void anEventWhoseSaleAlreadyStartedIsOnSaleAtOnce() {
        var response = post("/api/admin/events", eventJson(createHall(), unique("Now"), inDays(-1)), admin);
        assertStatus(response, 201);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("ON_SALE");
    }

    @Test
    void eventFieldsAndTimesAreValidated() {
        String hallId = createHall();
        Instant start = inDays(10);
        var missing = post("/api/admin/events", "{\"title\":\" \",\"category\":\"CONCERT\"}", admin);
        assertProblem(missing, 400, "validation-failed");
        assertThat(errorFields(missing)).contains("title", "artist", "startsAt", "endsAt", "saleStartsAt", "saleEndsAt");

        var times = post("/api/admin/events", event(hallId, start, start.minusSeconds(1), start, start.minusSeconds(5)),
                admin);
        assertProblem(times, 400, "validation-failed");
        assertThat(errorFields(times)).containsExactlyInAnyOrder("endsAt", "saleStartsAt", "saleEndsAt");

        var saleAfterEnd = post("/api/admin/events",
                event(hallId, start, start.plus(Duration.ofHours(2)), inDays(1), start.plus(Duration.ofHours(3))), admin);
        assertThat(errorFields(saleAfterEnd)).containsExactly("saleEndsAt");

        var past = post("/api/admin/events", event(hallId, inDays(-3), inDays(-2), inDays(-5), inDays(-4)), admin);
        assertThat(errorFields(past)).containsExactly("startsAt");

        var farFuture = post("/api/admin/events",
                event(hallId, Instant.parse("9999-01-01T00:00:00Z"), Instant.parse("9999-01-02T00:00:00Z"), inDays(1),
                        inDays(2)), admin);
        assertThat(errorFields(farFuture)).containsExactlyInAnyOrder("startsAt", "endsAt");

        var noHall = post("/api/admin/events", event(null, start, start.plusSeconds(60), inDays(1), inDays(2)), admin);
        assertThat(errorFields(noHall)).containsExactly("hallId");
        var unknownHall = post("/api/admin/events",
                event(UUID.randomUUID().toString(), start, start.plusSeconds(60), inDays(1), inDays(2)), admin);
        assertProblem(unknownHall, 400, "validation-failed");
        assertThat(errorFields(unknownHall)).containsExactly("hallId");

        var badCategory = post("/api/admin/events", eventJson(hallId, "x", inDays(1)).replace("CONCERT", "RAVE"), admin);
        assertProblem(badCategory, 400, "malformed-request");
        var badPoster = post("/api/admin/events",
                eventJson(hallId, "x", inDays(1)).replace("https://cdn.tiketi.dev/poster.jpg", "javascript:alert(1)"), admin);
        assertThat(errorFields(badPoster)).containsExactly("posterUrl");
        var badTime = post("/api/admin/events", eventJson(hallId, "x", inDays(1)).replaceFirst("\"startsAt\":\"[^\"]+\"",
                "\"startsAt\":\"tomorrow\""), admin);
        assertProblem(badTime, 400, "malformed-request");
    }

    @Test
    void editingUpdatesDetailsAndRecomputesTheStatusButNeverTheHall() {
        String hallId = createHall();
        String id = createEvent(hallId, inDays(2));
        long before = changes.count(UUID.fromString(id));

        var edited = put("/api/admin/events/" + id, eventJson(null, "Renamed Show", inDays(-1)), admin);

        assertStatus(edited, 200);
        assertThat(JsonPath.<String>read(edited.body(), "$.title")).isEqualTo("Renamed Show");
        assertThat(JsonPath.<String>read(edited.body(), "$.status")).isEqualTo("ON_SALE");
        assertThat(jdbc.queryForObject("SELECT search_text FROM events WHERE id = ?::uuid", String.class, id))
                .startsWith("renamed show iu");
        assertThat(changes.count(UUID.fromString(id))).isEqualTo(before + 1);

        assertStatus(put("/api/admin/events/" + id, eventJson(hallId, "Same Hall", inDays(2)), admin), 200);
        assertProblem(put("/api/admin/events/" + id, eventJson(createHall(), "Other Hall", inDays(2)), admin),
                409, "hall-fixed");
        assertProblem(put("/api/admin/events/" + UUID.randomUUID(), eventJson(hallId, "x", inDays(2)), admin),
                404, "event-not-found");
        var invalid = put("/api/admin/events/" + id, event(hallId, inDays(20), inDays(19), inDays(1), inDays(2)), admin);
        assertThat(errorFields(invalid)).contains("endsAt");
    }

    @Test
    void cancellingIsFinal() {
        String id = createEvent(createHall(), inDays(-1));

        var cancelled = post("/api/admin/events/" + id + "/cancel", "", admin);
        assertStatus(cancelled, 200);
        assertThat(JsonPath.<String>read(cancelled.body(), "$.status")).isEqualTo("CANCELLED");
        assertStatus(post("/api/admin/events/" + id + "/cancel", "", admin), 200);

        assertProblem(put("/api/admin/events/" + id, eventJson(null, "Back", inDays(-1)), admin), 409, "event-cancelled");
        assertProblem(post("/api/admin/events/" + id + "/open-sale", "", admin), 409, "sale-not-upcoming");
        assertProblem(post("/api/admin/events/" + id + "/close-sale", "", admin), 409, "sale-not-open");
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertProblem(post("/api/admin/events/" + UUID.randomUUID() + "/cancel", "", admin), 404, "event-not-found");
    }

    @Test
    void anEventThatIsOverCannotBeCancelled() {
        String id = createEvent(createHall(), inDays(-1));
        clock.advance(Duration.ofDays(25));
        assertProblem(post("/api/admin/events/" + id + "/cancel", "", admin), 409, "event-over");
    }

    @Test
    void openingASaleStartsItNowAndClosingItEndsSales() {
        String id = createEvent(createHall(), inDays(3));

        var opened = post("/api/admin/events/" + id + "/open-sale", "", admin);
        assertStatus(opened, 200);
        assertThat(JsonPath.<String>read(opened.body(), "$.status")).isEqualTo("ON_SALE");
        assertThat(Instant.parse(JsonPath.read(opened.body(), "$.saleStartsAt")))
                .isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));
        assertProblem(post("/api/admin/events/" + id + "/open-sale", "", admin), 409, "sale-not-upcoming");

        clock.advance(Duration.ofMinutes(1));
        var closed = post("/api/admin/events/" + id + "/close-sale", "", admin);
        assertStatus(closed, 200);
        assertThat(JsonPath.<String>read(closed.body(), "$.status")).isEqualTo("ENDED");
        assertThat(Instant.parse(JsonPath.read(closed.body(), "$.saleEndsAt"))).isAfter(Instant.now());
        assertProblem(post("/api/admin/events/" + id + "/close-sale", "", admin), 409, "sale-not-open");

        String upcoming = createEvent(createHall(), inDays(3));
        assertProblem(post("/api/admin/events/" + upcoming + "/close-sale", "", admin), 409, "sale-not-open");
        assertProblem(post("/api/admin/events/" + UUID.randomUUID() + "/open-sale", "", admin), 404, "event-not-found");
    }

    @Test
    void adminsListEventsOfEveryStatus() {
        String hallId = createHall();
        String cancelled = createEvent(hallId, inDays(1));
        post("/api/admin/events/" + cancelled + "/cancel", "", admin);
        createEvent(hallId, inDays(-1));

        var page = get("/api/admin/events?page=0&size=100", admin);
        assertStatus(page, 200);
        assertThat(JsonPath.<List<String>>read(page.body(), "$.content[*].status")).contains("CANCELLED", "ON_SALE");
        assertThat(JsonPath.<Integer>read(page.body(), "$.size")).isEqualTo(100);

        var onlyCancelled = get("/api/admin/events?status=CANCELLED&size=100", admin);
        assertThat(JsonPath.<List<String>>read(onlyCancelled.body(), "$.content[*].status")).containsOnly("CANCELLED");
        assertThat(JsonPath.<List<String>>read(onlyCancelled.body(), "$.content[*].id")).contains(cancelled);

        assertProblem(get("/api/admin/events?size=101", admin), 400, "validation-failed");
        assertProblem(get("/api/admin/events?status=NOPE", admin), 400, "validation-failed");
    }

    @Test
    void onlyAdminsManageEvents() {
        String id = createEvent(createHall(), inDays(1));
        assertProblem(get("/api/admin/events", user), 403, "access-denied");
        assertProblem(get("/api/admin/events", null), 401, "authentication-required");
        assertProblem(post("/api/admin/events/" + id + "/cancel", "", user), 403, "access-denied");
        assertProblem(post("/api/admin/events/" + id + "/open-sale", "", null), 401, "authentication-required");
        assertProblem(post("/api/admin/events", eventJson(UUID.randomUUID().toString(), "x", inDays(1)), user),
                403, "access-denied");
        assertThat(status(id)).isEqualTo("UPCOMING");
    }

    private static String event(String hallId, Instant startsAt, Instant endsAt, Instant saleStartsAt, Instant saleEndsAt) {
        return """
                {"title":"T","artist":"A","category":"MUSICAL",%s"startsAt":"%s","endsAt":"%s",
                 "saleStartsAt":"%s","saleEndsAt":"%s"}""".formatted(
                hallId == null ? "" : "\"hallId\":\"" + hallId + "\",", startsAt, endsAt, saleStartsAt, saleEndsAt);
    }
}
