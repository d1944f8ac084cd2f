package dev.tiketi.event;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.testsupport.TestHttp;
import dev.tiketi.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service over real HTTP with a clock tests can move. The status scheduler is off: tests run its
 * job themselves, so that nothing changes behind their back. All subclasses share one application context.
 */
@ServiceIntegrationTest
@Import(CatalogTestConfig.class)
@TestPropertySource(properties = "tiketi.event-status.enabled=false")
public abstract class CatalogIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    protected final String admin = TestTokens.instance().admin(UUID.randomUUID());
    protected final String user = TestTokens.instance().user(UUID.randomUUID());

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected CatalogTestConfig.RecordedChanges changes;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    /** A GET of an internal endpoint as reservation-service calls it, with its service token. */
    protected HttpResponse<String> internalGet(String path) {
        return TestHttp.callAsService(uri(path), "GET", "reservation-service", null);
    }

    protected HttpResponse<String> post(String path, String json, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    protected HttpResponse<String> put(String path, String json, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertStatus(response, status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
    }

    /** The fields named by a validation problem. */
    protected static List<String> errorFields(HttpResponse<String> response) {
        return JsonPath.read(response.body(), "$.errors[*].field");
    }

    protected static String id(HttpResponse<String> response) {
        return JsonPath.read(response.body(), "$.id");
    }

    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Two sections: FLOOR (VIP first row, then R) and BALCONY (S): 3 x 10 + 2 x 20 = 70 seats. */
    protected static final String SMALL_TEMPLATE = """
            {"sections":[
               {"name":"FLOOR","grade":"R","rows":[{"label":"A","seats":10,"grade":"VIP"},{"label":"B","seats":10},{"label":"C","seats":10}]},
               {"name":"BALCONY","grade":"S","rows":[{"label":"A","seats":20},{"label":"B","seats":20}]}],
             "prices":{"VIP":150000,"R":120000,"S":90000}}""";

    /** A stadium: five sections of 50 rows x 200 seats (50,000); VIP, R, S, then two A sections. */
    protected static String stadiumTemplate() {
        StringBuilder sections = new StringBuilder();
        String[] grades = {"VIP", "R", "S", "A", "A"};
        for (int s = 0; s < grades.length; s++) {
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 50; r++) {
                rows.append(r == 1 ? "" : ",").append("{\"label\":\"").append(r).append("\",\"seats\":200}");
            }
            sections.append(s == 0 ? "" : ",").append("{\"name\":\"BLOCK-").append(s + 1).append("\",\"grade\":\"")
                    .append(grades[s]).append("\",\"rows\":[").append(rows).append("]}");
        }
        return "{\"sections\":[" + sections + "],\"prices\":{\"VIP\":198000,\"R\":165000,\"S\":132000,\"A\":99000}}";
    }

    protected String createVenue() {
        var response = post("/api/admin/venues", """
                {"name":"%s","city":"Seoul","address":"1 Test-ro"}""".formatted(unique("Venue")), admin);
        assertStatus(response, 201);
        return id(response);
    }

    protected String createHall(String venueId, String template) {
        var response = post("/api/admin/venues/" + venueId + "/halls",
                "{\"name\":\"%s\",\"seatTemplate\":%s}".formatted(unique("Hall"), template), admin);
        assertStatus(response, 201);
        return id(response);
    }

    protected String createHall() {
        return createHall(createVenue(), SMALL_TEMPLATE);
    }

    /** Times relative to now: sale opens in {@code saleIn}, lasts 10 days; the event starts 20 days after now. */
    protected static String eventJson(String hallId, String title, Instant saleStartsAt) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant startsAt = now.plus(Duration.ofDays(20));
        return """
                {"title":"%s","artist":"IU","description":"A test concert","category":"CONCERT",%s
                 "startsAt":"%s","endsAt":"%s","saleStartsAt":"%s","saleEndsAt":"%s",
                 "posterUrl":"https://cdn.tiketi.dev/poster.jpg"}""".formatted(title,
                hallId == null ? "" : "\"hallId\":\"" + hallId + "\",", startsAt,
                startsAt.plus(Duration.ofHours(3)), saleStartsAt, saleStartsAt.plus(Duration.ofDays(10)));
    }

    protected String createEvent(String hallId, Instant saleStartsAt) {
        var response = post("/api/admin/events", eventJson(hallId, unique("Concert"), saleStartsAt), admin);
        assertStatus(response, 201);
        return id(response);
    }

    protected static Instant inDays(long days) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(days));
    }

    protected String status(String eventId) {
        return jdbc.queryForObject("SELECT status FROM events WHERE id = ?::uuid", String.class, eventId);
    }
}
