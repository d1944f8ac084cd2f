package dev.tiketi.e2e;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.e2e.Api.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static dev.tiketi.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog through the gateway, as buyers and admins meet it: reads are public, every write needs an
 * ADMIN token, and the internal endpoints for other services are not reachable from outside.
 */
@ExtendWith(PlatformExtension.class)
class CatalogE2ETest {

    private static PlatformUnderTest platform;
    private static Api gateway;
    private static String admin;
    private static String user;

    @BeforeAll
    static void platform(PlatformUnderTest running) {
        platform = running;
        gateway = running.gateway();
        admin = running.token(UUID.randomUUID(), "ADMIN");
        user = running.token(UUID.randomUUID(), "USER");
    }

    @Test
    void anAdminBuildsAVenueHallAndEventThatAnonymousBuyersCanBrowse() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Reply venue = gateway.post("/api/admin/venues",
                "{\"name\":\"Olympic Hall %s\",\"city\":\"Seoul\",\"address\":\"424 Olympic-ro\"}".formatted(suffix), admin);
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        String venueId = venue.read("$.id");

        Reply hall = gateway.post("/api/admin/venues/" + venueId + "/halls", """
                {"name":"Main","seatTemplate":{"sections":[
                   {"name":"A","grade":"VIP","rows":[{"label":"1","seats":10},{"label":"2","seats":10}]},
                   {"name":"B","grade":"R","rows":[{"label":"1","seats":20}]}],
                 "prices":{"VIP":198000,"R":154000}}}""", admin);
        assertThat(hall.status()).as(hall.body()).isEqualTo(201);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Reply event = gateway.post("/api/admin/events", """
                {"title":"IU Concert %s","artist":"IU","description":"e2e","category":"CONCERT",
                 "hallId":"%s","startsAt":"%s","endsAt":"%s","saleStartsAt":"%s","saleEndsAt":"%s"}""".formatted(
                suffix, hall.read("$.id"), now.plus(Duration.ofDays(40)), now.plus(Duration.ofDays(40)).plus(Duration.ofHours(3)),
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30))), admin);
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        String eventId = event.read("$.id");
        assertThat(event.<Integer>read("$.seatCount")).isEqualTo(40);

        Reply detail = gateway.get("/api/events/" + eventId, null);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.<String>read("$.status")).isEqualTo("ON_SALE");

        Reply found = gateway.get("/api/events?keyword=%EC%95%84%EC%9D%B4%EC%9C%A0", null);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        List<String> ids = found.read("$.items[*].id");
        assertThat(ids).as("the Korean name 아이유 finds the event titled IU Concert").contains(eventId);

        Reply summary = gateway.get("/api/events/" + eventId + "/seats/summary", null);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.<List<String>>read("$[*].grade")).containsExactly("VIP", "R");
        assertThat(summary.<List<Integer>>read("$[*].available")).containsExactly(20, 20);

        Reply seats = gateway.get("/api/events/" + eventId + "/seats", null);
        assertThat(seats.status()).isEqualTo(200);
        assertThat(seats.<List<String>>read("$.sections[*].rows[*].seats[*].id")).hasSize(40);
    }

    /**
     * The seat layout is precomputed and gzipped by event-service; the gateway must pass the compressed bytes,
     * the ETag and the 304 through untouched, or browsers and CDNs could not revalidate it.
     */
    @Test
    void theSeatLayoutArrivesGzippedWithItsEtagAndRevalidatesTo304ThroughTheGateway() {
        String eventId = Sale.createEventOnSale(gateway, admin, "Layout", 30, 99_000);
        String path = "/api/events/" + eventId + "/seat-layout";

        HttpResponse<byte[]> viaGateway = gateway.call("GET", path).header("Accept-Encoding", "gzip").sendForBytes();
        HttpResponse<byte[]> direct = platform.service("event-service").call("GET", path)
                .header("Accept-Encoding", "gzip").sendForBytes();

        assertThat(viaGateway.statusCode()).isEqualTo(200);
        assertThat(viaGateway.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(viaGateway.body()).as("the gzip bytes event-service sent").isEqualTo(direct.body());
        String etag = viaGateway.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").isEqualTo(direct.headers().firstValue("ETag").orElseThrow());
        assertThat(viaGateway.headers().firstValue("Cache-Control")).hasValue("max-age=60, must-revalidate, public");
        assertThat(viaGateway.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));

        String json = gunzip(viaGateway.body());
        assertThat(JsonPath.<Integer>read(json, "$.totalSeats")).isEqualTo(60);
        assertThat(JsonPath.<List<String>>read(json, "$.sections[0].rows[*].label")).containsExactly("1", "2");
        assertThat(JsonPath.<List<String>>read(json, "$..seatIds[*]"))
                .containsExactlyInAnyOrderElementsOf(gateway.get("/api/events/" + eventId + "/seats", null)
                        .<List<String>>read("$.sections[*].rows[*].seats[*].id"));

        HttpResponse<byte[]> revalidated = gateway.call("GET", path).header("Accept-Encoding", "gzip")
                .header("If-None-Match", etag).sendForBytes();
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> plain = gateway.call("GET", path).sendForBytes();
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void anUnknownEventHasNoSeatLayout() {
        assertProblem(gateway.get("/api/events/" + UUID.randomUUID() + "/seat-layout", null), 404, "event-not-found");
        assertProblem(gateway.get("/api/events/seat-layout-of-nothing/seat-layout", null), 400, "validation-failed");
    }

    private static String gunzip(byte[] body) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void publicReadsNeedNoToken() {
        assertThat(gateway.get("/api/events", null).status()).isEqualTo(200);
        assertThat(gateway.get("/api/venues", null).status()).isEqualTo(200);
        assertThat(gateway.get("/api/notices", null).status()).isEqualTo(200);
    }

    @Test
    void writesNeedAnAdmin() {
        String venue = "{\"name\":\"Nope\",\"city\":\"Seoul\",\"address\":\"x\"}";
        assertProblem(gateway.post("/api/admin/venues", venue, null), 401, "authentication-required");
        assertProblem(gateway.post("/api/admin/venues", venue, user), 403, "access-denied");
        assertProblem(gateway.post("/api/admin/notices", "{\"title\":\"t\",\"body\":\"b\",\"pinned\":false}", user),
                403, "access-denied");
        assertProblem(gateway.call("PUT", "/api/admin/halls/" + UUID.randomUUID()).json("{}").bearer(user).send(),
                403, "access-denied");
    }

    @Test
    void aNoticeWrittenByAnAdminIsReadByEveryoneAndCountsViews() {
        Reply created = gateway.post("/api/admin/notices",
                "{\"title\":\"Ticket opening rules\",\"body\":\"Queue opens at 20:00 KST\",\"pinned\":true}", admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.read("$.id");

        assertThat(gateway.get("/api/notices/" + id, null).<Integer>read("$.viewCount")).isEqualTo(1);
        assertThat(gateway.get("/api/notices/" + id, null).<Integer>read("$.viewCount")).isEqualTo(2);
    }

    @Test
    void internalEndpointsAreNotReachableThroughTheGateway() {
        Reply internal = gateway.get("/internal/events/" + UUID.randomUUID(), admin);
        assertProblem(internal, 404, "not-found");
    }


}
