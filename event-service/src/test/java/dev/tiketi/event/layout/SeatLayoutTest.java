package dev.tiketi.event.layout;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.CatalogIntegrationTest;
import dev.tiketi.event.browse.CatalogFixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/events/{id}/seat-layout over real HTTP, against seats the admin API generated. */
class SeatLayoutTest extends CatalogIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SeatLayoutTest.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Template order on purpose unlike natural order: FLOOR before BALCONY, row 10 before row 2, B before A.
     * 3 + 4 + 5 + 2 = 14 seats; VIP 3, R 4, S 7.
     */
    private static final String UNSORTED_TEMPLATE = """
            {"sections":[
               {"name":"FLOOR","grade":"R","rows":[{"label":"10","seats":3,"grade":"VIP"},{"label":"2","seats":4}]},
               {"name":"BALCONY","grade":"S","rows":[{"label":"B","seats":5},{"label":"A","seats":2}]}],
             "prices":{"VIP":150000,"R":120000,"S":90000}}""";

    @Test
    void theLayoutListsSectionsAndRowsInTemplateOrderWithTheSeatIdsInNumberOrder() {
        String eventId = createEvent(createHall(createVenue(), UNSORTED_TEMPLATE), inDays(1));

        var response = fetch(eventId, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        String json = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(json, "$.eventId")).isEqualTo(eventId);
        assertThat(JsonPath.<Integer>read(json, "$.totalSeats")).isEqualTo(14);
        assertThat(JsonPath.<List<Map<String, Object>>>read(json, "$.grades"))
                .extracting(grade -> grade.get("grade") + ":" + grade.get("price") + ":" + grade.get("seats"))
                .containsExactly("VIP:150000:3", "R:120000:4", "S:90000:7");
        assertThat(JsonPath.<List<String>>read(json, "$.sections[*].name")).containsExactly("FLOOR", "BALCONY");
        assertThat(JsonPath.<List<String>>read(json, "$.sections[0].rows[*].label")).containsExactly("10", "2");
        assertThat(JsonPath.<List<String>>read(json, "$.sections[1].rows[*].label")).containsExactly("B", "A");
        assertThat(JsonPath.<List<Map<String, Object>>>read(json, "$.sections[*].rows[*]"))
                .extracting(row -> row.get("label") + ":" + row.get("grade") + ":" + row.get("price"))
                .containsExactly("10:VIP:150000", "2:R:120000", "B:S:90000", "A:S:90000");
        for (var row : List.of(List.of(0, 0, "FLOOR", "10"), List.of(0, 1, "FLOOR", "2"), List.of(1, 0, "BALCONY", "B"),
                List.of(1, 1, "BALCONY", "A"))) {
            List<String> inTable = jdbc.queryForList("""
                            SELECT id::text FROM seats WHERE event_id = ?::uuid AND section = ? AND row_label = ?
                            ORDER BY number""", String.class, eventId, row.get(2), row.get(3));
            assertThat(JsonPath.<List<String>>read(json, "$.sections[%d].rows[%d].seatIds".formatted(row.get(0), row.get(1))))
                    .as("row %s/%s", row.get(2), row.get(3))
                    .isNotEmpty()
                    .containsExactlyElementsOf(inTable);
        }
    }

    @Test
    void gzipIsSentToClientsThatAcceptItWithItsOwnStableEtag() {
        String eventId = createEvent(createHall(createVenue(), UNSORTED_TEMPLATE), inDays(1));

        var plain = fetch(eventId, Map.of());
        var gzipped = fetch(eventId, Map.of("Accept-Encoding", "gzip, deflate, br"));
        var again = fetch(eventId, Map.of("Accept-Encoding", "gzip"));
        var refused = fetch(eventId, Map.of("Accept-Encoding", "gzip;q=0, identity"));

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain.body());

        String plainTag = etag(plain);
        String gzipTag = etag(gzipped);
        assertThat(plainTag).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(gzipTag).matches("\"[A-Za-z0-9_-]+\"").isNotEqualTo(plainTag);
        assertThat(etag(again)).isEqualTo(gzipTag);
        assertThat(etag(fetch(eventId, Map.of()))).isEqualTo(plainTag);
        for (var response : List.of(plain, gzipped)) {
            assertThat(response.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60, must-revalidate, public");
        }
        assertThat(etag(fetch(createEvent(createHall(createVenue(), SMALL_TEMPLATE), inDays(1)), Map.of())))
                .as("another event's layout").isNotEqualTo(plainTag);
    }

    @Test
    void aKnownEtagIsAnswered304WithoutBody() {
        String eventId = createEvent(createHall(createVenue(), UNSORTED_TEMPLATE), inDays(1));
        String gzipTag = etag(fetch(eventId, Map.of("Accept-Encoding", "gzip")));
        String plainTag = etag(fetch(eventId, Map.of()));

        var gzipRevalidated = fetch(eventId, Map.of("Accept-Encoding", "gzip", "If-None-Match", gzipTag));
        var plainRevalidated = fetch(eventId, Map.of("If-None-Match", "\"other\", W/" + plainTag));
        var otherTag = fetch(eventId, Map.of("Accept-Encoding", "gzip", "If-None-Match", "\"other\""));
        var plainTagForGzip = fetch(eventId, Map.of("Accept-Encoding", "gzip", "If-None-Match", plainTag));

        for (var notModified : List.of(gzipRevalidated, plainRevalidated)) {
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.headers().firstValue("Cache-Control")).hasValue("max-age=60, must-revalidate, public");
        }
        assertThat(etag(gzipRevalidated)).isEqualTo(gzipTag);
        assertThat(etag(plainRevalidated)).isEqualTo(plainTag);
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(plainTagForGzip.statusCode()).as("the plain copy's tag does not validate the gzip one").isEqualTo(200);
        assertThat(plainTagForGzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void unknownEventsAre404AndMalformedIdsAre400Problems() {
        assertProblem(get("/api/events/" + UUID.randomUUID() + "/seat-layout", null), 404, "event-not-found");
        var malformed = get("/api/events/not-a-uuid/seat-layout", null);
        assertProblem(malformed, 400, "validation-failed");
        assertThat(JsonPath.<String>read(malformed.body(), "$.errors[0].field")).isEqualTo("id");
    }

    @Test
    void seatsWithoutTemplatePositionsAreLaidOutInNaturalOrder() {
        var fixtures = new CatalogFixtures(jdbc);
        UUID eventId = fixtures.insert(fixtures.event(fixtures.venue("Layout Hall", "Seoul"), "Legacy").seats(9, 9));
        fixtures.seats(eventId, "R10", 1, 2, "A", 50_000);
        fixtures.seats(eventId, "R2", 2, 2, "VIP", 180_000);
        fixtures.seats(eventId, "B", 1, 3, "A", 50_000);

        String json = new String(fetch(eventId.toString(), Map.of()).body(), StandardCharsets.UTF_8);

        assertThat(JsonPath.<List<String>>read(json, "$.sections[*].name")).containsExactly("B", "R2", "R10");
        assertThat(JsonPath.<List<String>>read(json, "$.sections[1].rows[*].label")).containsExactly("1", "2");
        assertThat(JsonPath.<List<Map<String, Object>>>read(json, "$.grades"))
                .extracting(grade -> grade.get("grade") + ":" + grade.get("seats"))
                .containsExactly("VIP:4", "A:5");
        assertThat(JsonPath.<Integer>read(json, "$.totalSeats")).isEqualTo(9);
    }

    /** Sizes and times are logged for the record; only the content is asserted. */
    @Test
    void aFiftyThousandSeatLayoutIsBuiltOnceAndServedFromMemory() {
        String eventId = createEvent(createHall(createVenue(), stadiumTemplate()), inDays(1));

        long started = System.nanoTime();
        var first = fetch(eventId, Map.of("Accept-Encoding", "gzip"));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        var second = fetch(eventId, Map.of("Accept-Encoding", "gzip"));
        long secondMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(second.body()).isEqualTo(first.body());
        byte[] json = gunzip(first.body());
        log.info("50,000-seat layout: {} bytes JSON, {} bytes gzipped; first answer (build) {} ms, second {} ms",
                json.length, first.body().length, firstMillis, secondMillis);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(JsonPath.<Integer>read(text, "$.totalSeats")).isEqualTo(50_000);
        assertThat(JsonPath.<List<String>>read(text, "$..seatIds[*]")).hasSize(50_000).doesNotHaveDuplicates();
        assertThat(JsonPath.<List<String>>read(text, "$.sections[*].name"))
                .containsExactly("BLOCK-1", "BLOCK-2", "BLOCK-3", "BLOCK-4", "BLOCK-5");
        assertThat(JsonPath.<List<String>>read(text, "$.grades[*].grade")).containsExactly("VIP", "R", "S", "A");
        assertThat(JsonPath.<List<Integer>>read(text, "$.grades[*].seats")).containsExactly(10_000, 10_000, 10_000, 20_000);
    }

    private HttpResponse<byte[]> fetch(String eventId, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events/" + eventId + "/seat-layout"));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String etag(HttpResponse<byte[]> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    private static byte[] gunzip(byte[] body) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
