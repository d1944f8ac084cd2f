package dev.tiketi.event.admin;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.CatalogIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VenueAdminTest extends CatalogIntegrationTest {

    @Test
    void venueCrud() {
        String name = unique("Arena");
        var created = post("/api/admin/venues", """
                {"name":"  %s ","city":"Busan","address":"55 Haeundae-ro"}""".formatted(name), admin);
        assertStatus(created, 201);
        String id = id(created);
        assertThat(JsonPath.<String>read(created.body(), "$.name")).isEqualTo(name);
        assertThat(JsonPath.<String>read(created.body(), "$.createdAt")).endsWith("Z");

        var read = get("/api/admin/venues/" + id, admin);
        assertStatus(read, 200);
        assertThat(JsonPath.<String>read(read.body(), "$.city")).isEqualTo("Busan");

        var updated = put("/api/admin/venues/" + id, """
                {"name":"%s","city":"Daegu","address":"1 Dongdaegu-ro"}""".formatted(name), admin);
        assertStatus(updated, 200);
        assertThat(JsonPath.<String>read(get("/api/admin/venues/" + id, admin).body(), "$.city")).isEqualTo("Daegu");

        var page = get("/api/admin/venues?page=0&size=100", admin);
        assertStatus(page, 200);
        assertThat(JsonPath.<Number>read(page.body(), "$.totalElements").longValue()).isPositive();

        assertStatus(delete("/api/admin/venues/" + id, admin), 204);
        assertProblem(get("/api/admin/venues/" + id, admin), 404, "venue-not-found");
        assertProblem(delete("/api/admin/venues/" + id, admin), 404, "venue-not-found");
    }

    @Test
    void venueFieldsAreValidatedAndNamesAreUniquePerCity() {
        var invalid = post("/api/admin/venues", "{\"name\":\"\",\"city\":\" \"}", admin);
        assertProblem(invalid, 400, "validation-failed");
        assertThat(errorFields(invalid)).containsExactlyInAnyOrder("name", "city", "address");

        String name = unique("Hall of Fame");
        String body = "{\"name\":\"%s\",\"city\":\"Seoul\",\"address\":\"x\"}".formatted(name);
        assertStatus(post("/api/admin/venues", body, admin), 201);
        assertProblem(post("/api/admin/venues", body, admin), 409, "venue-exists");
        assertStatus(post("/api/admin/venues", body.replace("Seoul", "Incheon"), admin), 201);
    }

    @Test
    void hallCrudAndListing() {
        String venueId = createVenue();
        var created = post("/api/admin/venues/" + venueId + "/halls",
                "{\"name\":\"Grand\",\"seatTemplate\":%s}".formatted(SMALL_TEMPLATE), admin);
        assertStatus(created, 201);
        String hallId = id(created);
        assertThat(JsonPath.<Integer>read(created.body(), "$.seatCount")).isEqualTo(70);
        assertThat(JsonPath.<String>read(created.body(), "$.seatTemplate.sections[0].rows[0].grade")).isEqualTo("VIP");
        assertThat(JsonPath.<Integer>read(created.body(), "$.seatTemplate.prices.VIP")).isEqualTo(150000);

        assertProblem(post("/api/admin/venues/" + venueId + "/halls",
                "{\"name\":\"Grand\",\"seatTemplate\":%s}".formatted(SMALL_TEMPLATE), admin), 409, "hall-exists");

        var updated = put("/api/admin/halls/" + hallId, """
                {"name":"Grand Renamed","seatTemplate":{"sections":[{"name":"ONE","grade":"B","rows":[{"label":"1","seats":5}]}],
                 "prices":{"B":10000}}}""", admin);
        assertStatus(updated, 200);
        assertThat(JsonPath.<Integer>read(updated.body(), "$.seatCount")).isEqualTo(5);

        var listed = get("/api/admin/venues/" + venueId + "/halls", admin);
        assertStatus(listed, 200);
        assertThat(JsonPath.<List<String>>read(listed.body(), "$[*].name")).containsExactly("Grand Renamed");
        assertThat(JsonPath.<Integer>read(get("/api/admin/halls/" + hallId, admin).body(), "$.seatCount")).isEqualTo(5);

        assertStatus(delete("/api/admin/halls/" + hallId, admin), 204);
        assertProblem(get("/api/admin/halls/" + hallId, admin), 404, "hall-not-found");
        assertProblem(put("/api/admin/halls/" + hallId, "{\"name\":\"x\",\"seatTemplate\":%s}".formatted(SMALL_TEMPLATE),
                admin), 404, "hall-not-found");
        assertProblem(post("/api/admin/venues/" + UUID.randomUUID() + "/halls",
                "{\"name\":\"x\",\"seatTemplate\":%s}".formatted(SMALL_TEMPLATE), admin), 404, "venue-not-found");
        assertProblem(get("/api/admin/venues/" + UUID.randomUUID() + "/halls", admin), 404, "venue-not-found");
    }

    @Test
    void deletingAVenueDeletesItsHallsUnlessAnEventUsesThem() {
        String venueId = createVenue();
        String hallId = createHall(venueId, SMALL_TEMPLATE);
        String unusedVenue = createVenue();
        String unusedHall = createHall(unusedVenue, SMALL_TEMPLATE);
        createEvent(hallId, inDays(1));

        assertProblem(delete("/api/admin/halls/" + hallId, admin), 409, "hall-in-use");
        assertProblem(delete("/api/admin/venues/" + venueId, admin), 409, "venue-in-use");
        assertStatus(get("/api/admin/halls/" + hallId, admin), 200);

        assertStatus(delete("/api/admin/venues/" + unusedVenue, admin), 204);
        assertProblem(get("/api/admin/halls/" + unusedHall, admin), 404, "hall-not-found");
    }

    @Test
    void editingAHallNeverChangesSeatsOfEventsAlreadyCreated() {
        String venueId = createVenue();
        String hallId = createHall(venueId, SMALL_TEMPLATE);
        String eventId = createEvent(hallId, inDays(1));

        assertStatus(put("/api/admin/halls/" + hallId, """
                {"name":"Rebuilt","seatTemplate":{"sections":[{"name":"NEW","grade":"A","rows":[{"label":"Z","seats":3}]}],
                 "prices":{"A":1000}}}""", admin), 200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM seats WHERE event_id = ?::uuid", Integer.class, eventId))
                .isEqualTo(70);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seats WHERE event_id = ?::uuid AND section = 'NEW'",
                Integer.class, eventId)).isZero();
        assertThat(jdbc.queryForObject("SELECT seat_count FROM events WHERE id = ?::uuid", Integer.class, eventId))
                .isEqualTo(70);
        String later = createEvent(hallId, inDays(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seats WHERE event_id = ?::uuid AND section = 'NEW'",
                Integer.class, later)).isEqualTo(3);
    }

    @Test
    void renamingAVenueUpdatesItsEventsSearchText() {
        String venueId = createVenue();
        String eventId = createEvent(createHall(venueId, SMALL_TEMPLATE), inDays(1));
        long before = changes.count(UUID.fromString(eventId));

        assertStatus(put("/api/admin/venues/" + venueId,
                "{\"name\":\"Jamsil Olympic Stadium\",\"city\":\"Seoul\",\"address\":\"25 Olympic-ro\"}", admin), 200);

        assertThat(jdbc.queryForObject("SELECT search_text FROM events WHERE id = ?::uuid", String.class, eventId))
                .endsWith("jamsil olympic stadium seoul");
        assertThat(changes.count(UUID.fromString(eventId))).isEqualTo(before + 1);
    }

    @Test
    void everyTemplateRuleIsA400NamingTheField() {
        String venueId = createVenue();
        Map<String, String> cases = Map.ofEntries(
                Map.entry("null", "seatTemplate"),
                Map.entry("{\"sections\":[],\"prices\":{\"R\":1}}", "seatTemplate.sections"),
                Map.entry(template("{\"name\":\"F\",\"grade\":\"R\",\"rows\":[]}"), "seatTemplate.sections[0].rows"),
                Map.entry(template(section("F", "{\"label\":\"A\",\"seats\":0}")), "seatTemplate.sections[0].rows[0].seats"),
                Map.entry(template(section("F", "{\"label\":\"A\",\"seats\":201}")), "seatTemplate.sections[0].rows[0].seats"),
                Map.entry(template(section("F", "{\"label\":\"A\",\"seats\":10}"), section("G", "{\"label\":\"A\",\"seats\":10}",
                        "{\"label\":\"B\",\"seats\":-1}")), "seatTemplate.sections[1].rows[1].seats"),
                Map.entry(template(section("F", "{\"label\":\"A\",\"seats\":10}"), section("f", "{\"label\":\"A\",\"seats\":10}")),
                        "seatTemplate.sections[1].name"),
                Map.entry(template(section("F", "{\"label\":\"A\",\"seats\":10}", "{\"label\":\" A\",\"seats\":10}")),
                        "seatTemplate.sections[0].rows[1].label"),
                Map.entry(template(section("F", "{\"label\":\"\",\"seats\":10}")), "seatTemplate.sections[0].rows[0].label"),
                Map.entry(template(section("F", "{\"label\":\"A\",\"seats\":10,\"grade\":\"GOLD\"}")),
                        "seatTemplate.sections[0].rows[0].grade"),
                Map.entry(template(section("F", "{\"label\":\"A\",\"seats\":10,\"grade\":\"VIP\"}")), "seatTemplate.prices.VIP"),
                Map.entry("{\"sections\":[" + section("F", "{\"label\":\"A\",\"seats\":10}") + "],\"prices\":{\"R\":0}}",
                        "seatTemplate.prices.R"),
                Map.entry("{\"sections\":[" + section("F", "{\"label\":\"A\",\"seats\":10}") + "],\"prices\":{\"R\":-5}}",
                        "seatTemplate.prices.R"),
                Map.entry("{\"sections\":[" + section("F", "{\"label\":\"A\",\"seats\":10}") + "],\"prices\":{\"R\":1,\"GOLD\":1}}",
                        "seatTemplate.prices.GOLD"),
                Map.entry("{\"sections\":[" + section("F", "{\"label\":\"A\",\"seats\":10}") + "]}", "seatTemplate.prices"),
                Map.entry(template("{\"name\":\"F\",\"grade\":\"X\",\"rows\":[{\"label\":\"A\",\"seats\":1}]}"),
                        "seatTemplate.sections[0].grade"),
                Map.entry(template(section("F".repeat(31), "{\"label\":\"A\",\"seats\":10}")), "seatTemplate.sections[0].name"));
        cases.forEach((template, field) -> {
            var response = post("/api/admin/venues/" + venueId + "/halls",
                    "{\"name\":\"%s\",\"seatTemplate\":%s}".formatted(unique("H"), template), admin);
            assertProblem(response, 400, "validation-failed");
            assertThat(errorFields(response)).as(template).contains(field);
        });
        assertThat(get("/api/admin/venues/" + venueId + "/halls", admin).body()).isEqualTo("[]");
    }

    @Test
    void aHallHasAtMostAHundredThousandSeats() {
        StringBuilder sections = new StringBuilder();
        for (int s = 0; s < 6; s++) {
            StringBuilder rows = new StringBuilder();
            for (int r = 0; r < 100; r++) {
                rows.append(r == 0 ? "" : ",").append("{\"label\":\"R").append(r).append("\",\"seats\":200}");
            }
            sections.append(s == 0 ? "" : ",").append(section("S" + s, rows.toString()));
        }
        var response = post("/api/admin/venues/" + createVenue() + "/halls",
                "{\"name\":\"Huge\",\"seatTemplate\":%s}".formatted(template(sections.toString())), admin);
        assertProblem(response, 400, "validation-failed");
        assertThat(errorFields(response)).containsExactly("seatTemplate");
    }

    @Test
    void onlyAdminsManageVenuesAndHalls() {
        String venueId = createVenue();
        for (String path : List.of("/api/admin/venues", "/api/admin/venues/" + venueId,
                "/api/admin/venues/" + venueId + "/halls", "/api/admin/halls/" + UUID.randomUUID())) {
            assertProblem(get(path, user), 403, "access-denied");
            assertProblem(get(path, null), 401, "authentication-required");
        }
        assertProblem(post("/api/admin/venues", "{\"name\":\"x\",\"city\":\"y\",\"address\":\"z\"}", user),
                403, "access-denied");
        assertProblem(delete("/api/admin/venues/" + venueId, user), 403, "access-denied");
        assertStatus(get("/api/admin/venues/" + venueId, admin), 200);
    }

    private static String template(String... sections) {
        return "{\"sections\":[" + String.join(",", sections) + "],\"prices\":{\"R\":100000}}";
    }

    private static String section(String name, String... rows) {
        return "{\"name\":\"" + name + "\",\"grade\":\"R\",\"rows\":[" + String.join(",", rows) + "]}";
    }
}
