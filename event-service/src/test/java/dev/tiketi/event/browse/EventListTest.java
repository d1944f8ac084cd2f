package dev.tiketi.event.browse;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.browse.CatalogFixtures.VenueRow;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.tiketi.event.browse.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class EventListTest {

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
        venue = fixtures.venue("List Hall", "Seoul");
    }

    @Test
    void listsAnEventWithItsVenuePricesAndCounts() {
        UUID id = fixtures.insert(fixtures.event(venue, "Spring Concert").artist("Band").seats(40, 40));
        fixtures.seats(id, "FLOOR", 2, 10, "VIP", 150_000);
        fixtures.seats(id, "1F", 2, 10, "S", 90_000);

        var response = api.get("/api/events?venueId=" + venue.id());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(response.body(), "$.totalItems")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(response.body(), "$.totalPages")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(response.body(), "$.page")).isZero();
        assertThat(JsonPath.<Integer>read(response.body(), "$.size")).isEqualTo(20);
        String item = "$.items[0].";
        assertThat(JsonPath.<String>read(response.body(), item + "id")).isEqualTo(id.toString());
        assertThat(JsonPath.<String>read(response.body(), item + "title")).isEqualTo("Spring Concert");
        assertThat(JsonPath.<String>read(response.body(), item + "artist")).isEqualTo("Band");
        assertThat(JsonPath.<String>read(response.body(), item + "category")).isEqualTo("CONCERT");
        assertThat(JsonPath.<String>read(response.body(), item + "status")).isEqualTo("ON_SALE");
        assertThat(JsonPath.<String>read(response.body(), item + "venue.id")).isEqualTo(venue.id().toString());
        assertThat(JsonPath.<String>read(response.body(), item + "venue.name")).isEqualTo(venue.name());
        assertThat(JsonPath.<String>read(response.body(), item + "venue.city")).isEqualTo("Seoul");
        assertThat(JsonPath.<Integer>read(response.body(), item + "minPrice")).isEqualTo(90_000);
        assertThat(JsonPath.<Integer>read(response.body(), item + "maxPrice")).isEqualTo(150_000);
        assertThat(JsonPath.<Integer>read(response.body(), item + "seatCount")).isEqualTo(40);
        assertThat(JsonPath.<Integer>read(response.body(), item + "availableCount")).isEqualTo(40);
        assertThat(JsonPath.<String>read(response.body(), item + "posterUrl")).endsWith(id + ".jpg");
        for (String time : List.of("startsAt", "endsAt", "saleStartsAt", "saleEndsAt")) {
            assertThat(Instant.parse(JsonPath.read(response.body(), item + time))).isNotNull();
        }
    }

    @Test
    void cancelledEventsAreLeftOutUnlessAskedFor() {
        UUID onSale = fixtures.insert(fixtures.event(venue, "On Sale"));
        UUID cancelled = fixtures.insert(fixtures.event(venue, "Cancelled").status("CANCELLED"));
        UUID ended = fixtures.insert(fixtures.event(venue, "Ended").status("ENDED"));

        assertThat(ids("/api/events?venueId=" + venue.id())).containsExactlyInAnyOrder(onSale, ended);
        assertThat(ids("/api/events?status=CANCELLED&venueId=" + venue.id())).containsExactly(cancelled);
        assertThat(ids("/api/events?status=cancelled,on_sale&venueId=" + venue.id()))
                .containsExactlyInAnyOrder(cancelled, onSale);
        assertThat(ids("/api/events?status=ENDED&status=ON_SALE&venueId=" + venue.id()))
                .containsExactlyInAnyOrder(ended, onSale);
    }

    @Test
    void filtersByCategoryCityAndStartDate() {
        Instant may10 = Instant.parse("2031-05-10T10:00:00Z");
        UUID concert = fixtures.insert(fixtures.event(venue, "Concert").startsAt(may10));
        UUID musical = fixtures.insert(fixtures.event(venue, "Musical").category("MUSICAL")
                .startsAt(Instant.parse("2031-05-20T10:00:00Z")));
        VenueRow busan = fixtures.venue("Busan Hall", "Busan");
        UUID inBusan = fixtures.insert(fixtures.event(busan, "Busan Show").startsAt(may10));
        String both = "&venueId=" + venue.id();

        assertThat(ids("/api/events?category=musical" + both)).containsExactly(musical);
        assertThat(ids("/api/events?from=2031-05-10&to=2031-05-10" + both)).containsExactly(concert);
        assertThat(ids("/api/events?from=2031-05-11" + both)).containsExactly(musical);
        assertThat(ids("/api/events?to=2031-05-10T10:00:00Z" + both)).containsExactly(concert);
        assertThat(ids("/api/events?from=2031-05-10T10:00:00.000001Z" + both)).containsExactly(musical);
        assertThat(ids("/api/events?from=2031-05-10T19:00:00%2B09:00&to=2031-05-10T19:00:00%2B09:00" + both))
                .containsExactly(concert);
        assertThat(ids("/api/events?city=BUSAN&venueId=" + busan.id())).containsExactly(inBusan);
        assertThat(ids("/api/events?city=seoul&venueId=" + busan.id())).isEmpty();
        assertThat(ids("/api/events?city=busan&from=2031-05-10&to=2031-05-10")).contains(inBusan)
                .doesNotContain(concert, musical);
    }

    @Test
    void sortsByEveryDocumentedOrder() {
        Instant base = Instant.parse("2032-01-01T10:00:00Z");
        UUID b = fixtures.insert(fixtures.event(venue, "Bravo").startsAt(base.plus(2, ChronoUnit.DAYS)).seats(10, 1));
        UUID a = fixtures.insert(fixtures.event(venue, "Alpha").startsAt(base.plus(3, ChronoUnit.DAYS)).seats(100, 50));
        UUID c = fixtures.insert(fixtures.event(venue, "Charlie").startsAt(base.plus(1, ChronoUnit.DAYS)).seats(10, 10));
        String scope = "&venueId=" + venue.id();

        assertThat(ids("/api/events?venueId=" + venue.id())).containsExactly(c, b, a);
        assertThat(ids("/api/events?sort=startsAt" + scope)).containsExactly(c, b, a);
        assertThat(ids("/api/events?sort=-startsAt" + scope)).containsExactly(a, b, c);
        assertThat(ids("/api/events?sort=saleStartsAt" + scope)).containsExactly(c, b, a);
        assertThat(ids("/api/events?sort=-saleStartsAt" + scope)).containsExactly(a, b, c);
        assertThat(ids("/api/events?sort=title" + scope)).containsExactly(a, b, c);
        assertThat(ids("/api/events?sort=-title" + scope)).containsExactly(c, b, a);
        // sold share: Bravo 90 %, Alpha 50 %, Charlie 0 %
        assertThat(ids("/api/events?sort=popularity" + scope)).containsExactly(b, a, c);
    }

    @Test
    void pagesThroughResultsWithoutOverlap() {
        Instant base = Instant.parse("2033-03-01T10:00:00Z");
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(fixtures.insert(fixtures.event(venue, "Show " + i).startsAt(base.plus(i, ChronoUnit.HOURS))));
        }
        String scope = "&venueId=" + venue.id();

        var first = api.get("/api/events?size=2&page=0" + scope);
        assertThat(JsonPath.<Integer>read(first.body(), "$.totalItems")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(first.body(), "$.totalPages")).isEqualTo(3);
        assertThat(ids("/api/events?size=2&page=0" + scope)).containsExactly(created.get(0), created.get(1));
        assertThat(ids("/api/events?size=2&page=1" + scope)).containsExactly(created.get(2), created.get(3));
        assertThat(ids("/api/events?size=2&page=2" + scope)).containsExactly(created.get(4));
        var beyond = api.get("/api/events?size=2&page=7" + scope);
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<Object>>read(beyond.body(), "$.items")).isEmpty();
        assertThat(JsonPath.<Integer>read(beyond.body(), "$.totalItems")).isEqualTo(5);
        assertThat(ids("/api/events?size=100" + scope)).hasSize(5);
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        String[][] cases = {
                {"status=SOLD", "status"}, {"status=ON_SALE,PENDING", "status"}, {"category=OPERA", "category"},
                {"sort=price", "sort"}, {"sort=startsat", "sort"}, {"size=0", "size"}, {"size=101", "size"},
                {"size=ten", "size"}, {"page=-1", "page"}, {"page=1.5", "page"}, {"page=99999999999", "page"},
                {"from=2031-13-01", "from"}, {"from=yesterday", "from"}, {"to=2031-05-01T25:00:00Z", "to"},
                {"from=2031-05-02&to=2031-05-01", "to"}, {"venueId=not-a-uuid", "venueId"},
                {"keyword=" + "a".repeat(101), "keyword"}, {"keyword=a+b+c+d+e+f+g+h+i", "keyword"},
                {"city=" + "x".repeat(101), "city"}};
        for (String[] bad : cases) {
            var response = api.get("/api/events?" + bad[0]);
            assertProblem(response, 400, "validation-failed");
            assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).as(bad[0]).containsExactly(bad[1]);
        }
    }

    @Test
    void reportsAllBadParametersAtOnce() {
        var response = api.get("/api/events?status=NOPE&size=0&sort=nope&page=-2");

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("status", "size", "sort", "page");
    }

    @Test
    void hostileKeywordsAreJustText() {
        fixtures.insert(fixtures.event(venue, "Harmless"));
        for (String keyword : List.of("'; DROP TABLE events; --", "%", "_", "\\", "(.*)", "[", "' OR 1=1 --")) {
            var response = api.get("/api/events?venueId=" + venue.id() + "&keyword="
                    + URLEncoder.encode(keyword, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(keyword).isEqualTo(200);
            assertThat(JsonPath.<Integer>read(response.body(), "$.totalItems")).as(keyword).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isPositive();
    }

    private List<UUID> ids(String path) {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JsonPath.<List<String>>read(response.body(), "$.items[*].id").stream().map(UUID::fromString).toList();
    }
}
