package dev.tiketi.event.browse;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.browse.CatalogFixtures.VenueRow;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tiketi.event.browse.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class EventDetailAndSeatsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    CatalogApi api;
    CatalogFixtures fixtures;
    VenueRow venue;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
        fixtures = new CatalogFixtures(jdbc);
        venue = fixtures.venue("Detail Hall", "Busan");
    }

    @Test
    void detailShowsTheEventItsVenueAndHall() {
        UUID id = fixtures.insert(fixtures.event(venue, "Detail Show").artist("Someone").category("THEATER").seats(30, 30));
        fixtures.seats(id, "A", 3, 10, "R", 77_000);

        var response = api.get("/api/events/" + id);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Detail Show");
        assertThat(JsonPath.<String>read(response.body(), "$.description")).isEqualTo("About Detail Show");
        assertThat(JsonPath.<String>read(response.body(), "$.category")).isEqualTo("THEATER");
        assertThat(JsonPath.<String>read(response.body(), "$.venue.address")).isEqualTo("1 Test-ro, Busan");
        assertThat(JsonPath.<String>read(response.body(), "$.venue.city")).isEqualTo("Busan");
        assertThat(JsonPath.<String>read(response.body(), "$.hall.id")).isEqualTo(venue.hallId().toString());
        assertThat(JsonPath.<String>read(response.body(), "$.hall.name")).isEqualTo("Main Hall");
        assertThat(JsonPath.<Integer>read(response.body(), "$.minPrice")).isEqualTo(77_000);
        assertThat(JsonPath.<Integer>read(response.body(), "$.availableCount")).isEqualTo(30);
    }

    @Test
    void cancelledEventsStillHaveTheirPage() {
        UUID id = fixtures.insert(fixtures.event(venue, "Called Off").status("CANCELLED"));

        var response = api.get("/api/events/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("CANCELLED");
    }

    @Test
    void theCatalogsPublicReadsMayBeSharedForASecondAndTheSeatMapAndProblemsMayNot() {
        UUID id = fixtures.insert(fixtures.event(venue, "Shared").seats(10, 10));
        fixtures.seats(id, "A", 1, 10, "R", 50_000);

        for (String path : List.of("/api/events", "/api/events?page=0&size=5", "/api/events/" + id,
                "/api/events/" + id + "/seats/summary", "/api/venues", "/api/venues/" + venue.id())) {
            var response = api.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=1, public");
        }
        assertThat(api.get("/api/events/" + id + "/seats").headers().firstValue("Cache-Control").orElse(""))
                .doesNotContain("public");
        assertThat(api.get("/api/events/" + UUID.randomUUID()).headers().firstValue("Cache-Control").orElse(""))
                .as("a 404 is not shared").doesNotContain("public");
    }

    @Test
    void unknownEventsAre404AndMalformedIdsAre400() {
        for (String suffix : List.of("", "/seats", "/seats/summary")) {
            assertProblem(api.get("/api/events/" + UUID.randomUUID() + suffix), 404, "event-not-found");
            var malformed = api.get("/api/events/not-a-uuid" + suffix);
            assertProblem(malformed, 400, "validation-failed");
            assertThat(JsonPath.<String>read(malformed.body(), "$.errors[0].field")).isEqualTo("id");
        }
    }

    @Test
    void seatMapGroupsSeatsBySectionAndRowInNaturalOrder() {
        UUID id = fixtures.insert(fixtures.event(venue, "Seated").seats(40, 40));
        fixtures.seats(id, "R10", 1, 2, "A", 50_000);
        fixtures.seats(id, "R2", 1, 2, "S", 80_000);
        fixtures.seats(id, "FLOOR", 12, 3, "VIP", 120_000);
        fixtures.sell(id, "R2", 1);

        var response = api.get("/api/events/" + id + "/seats");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.eventId")).isEqualTo(id.toString());
        assertThat(JsonPath.<List<String>>read(response.body(), "$.sections[*].name")).containsExactly("FLOOR", "R2", "R10");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.sections[0].rows[*].label"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        assertThat(JsonPath.<List<Integer>>read(response.body(), "$.sections[0].rows[9].seats[*].number"))
                .containsExactly(1, 2, 3);
        Map<String, Object> seat = JsonPath.read(response.body(), "$.sections[1].rows[0].seats[0]");
        assertThat(seat).containsEntry("number", 1).containsEntry("grade", "S").containsEntry("price", 80_000)
                .containsEntry("status", "SOLD").containsKey("id");
        assertThat(JsonPath.<String>read(response.body(), "$.sections[1].rows[0].seats[1].status")).isEqualTo("AVAILABLE");
        assertThat(JsonPath.<List<String>>read(response.body(), "$..seats[*].id")).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void summaryCountsSeatsPerGradeMostExpensiveFirst() {
        UUID id = fixtures.insert(fixtures.event(venue, "Summarised").seats(60, 57));
        fixtures.seats(id, "B", 2, 10, "A", 60_000);
        fixtures.seats(id, "F", 2, 10, "VIP", 180_000);
        fixtures.seats(id, "M", 2, 10, "R", 120_000);
        fixtures.sell(id, "F", 3);

        var response = api.get("/api/events/" + id + "/seats/summary");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(response.body(), "$[*].grade")).containsExactly("VIP", "R", "A");
        assertThat(JsonPath.<List<Integer>>read(response.body(), "$[*].price")).containsExactly(180_000, 120_000, 60_000);
        assertThat(JsonPath.<List<Integer>>read(response.body(), "$[*].total")).containsExactly(20, 20, 20);
        assertThat(JsonPath.<List<Integer>>read(response.body(), "$[*].available")).containsExactly(17, 20, 20);
    }

    @Test
    void venuesAreListedAndShownWithTheirHalls() {
        var list = api.get("/api/venues");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(list.body(), "$[?(@.id == '" + venue.id() + "')].name"))
                .containsExactly(venue.name());

        var detail = api.get("/api/venues/" + venue.id());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(detail.body(), "$.city")).isEqualTo("Busan");
        assertThat(JsonPath.<List<String>>read(detail.body(), "$.halls[*].id")).containsExactly(venue.hallId().toString());
        assertThat(JsonPath.<Integer>read(detail.body(), "$.halls[0].seatCount")).isEqualTo(1000);
        assertThat(JsonPath.<String>read(detail.body(), "$.halls[0].name")).isEqualTo("Main Hall");

        assertProblem(api.get("/api/venues/" + UUID.randomUUID()), 404, "venue-not-found");
        assertProblem(api.get("/api/venues/nope"), 400, "validation-failed");
    }

    /**
     * 50,000 seats in one map. Prints the timings (the target is 150 ms); asserts only a bound loose enough
     * for a busy shared build machine.
     */
    @Test
    void aFiftyThousandSeatMapIsServedQuickly() {
        UUID id = fixtures.insert(fixtures.event(venue, "Stadium").seats(50_000, 50_000));
        for (int section = 1; section <= 10; section++) {
            fixtures.seats(id, "S" + section, 50, 100, section <= 2 ? "VIP" : "R", section <= 2 ? 200_000 : 100_000);
        }
        jdbc.execute("ANALYZE seats");
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            assertThat(api.get("/api/events/" + id + "/seats").statusCode()).isEqualTo(200);
        }

        long[] millis = new long[15];
        int bytes = 0;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            var response = api.get("/api/events/" + id + "/seats");
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.statusCode()).isEqualTo(200);
            bytes = response.body().length();
        }
        Arrays.sort(millis);
        System.out.printf("SEAT MAP 50000 seats, %d bytes over HTTP: min %d ms, median %d ms, max %d ms%n",
                bytes, millis[0], millis[millis.length / 2], millis[millis.length - 1]);
        var sample = api.get("/api/events/" + id + "/seats");
        assertThat(JsonPath.<List<String>>read(sample.body(), "$.sections[*].name"))
                .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10");
        assertThat(JsonPath.<Integer>read(sample.body(), "$.sections[9].rows[49].seats[99].number")).isEqualTo(100);
        assertThat(millis[millis.length / 2]).isLessThan(1_500);
    }
}
