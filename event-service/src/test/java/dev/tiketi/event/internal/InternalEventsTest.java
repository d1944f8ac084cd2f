package dev.tiketi.event.internal;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.CatalogIntegrationTest;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.testsupport.TestHttp;
import dev.tiketi.testsupport.TestServiceTokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Called by reservation-service and queue-service with their service tokens: the gateway never routes /internal. */
class InternalEventsTest extends CatalogIntegrationTest {

    @Test
    void eventSummary() {
        String id = createEvent(createHall(), inDays(-1));

        var response = internalGet("/internal/events/" + id);

        assertStatus(response, 200);
        assertThat(JsonPath.<String>read(response.body(), "$.id")).isEqualTo(id);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("ON_SALE");
        assertThat(JsonPath.<String>read(response.body(), "$.venueName")).startsWith("Venue ");
        assertThat(JsonPath.<String>read(response.body(), "$.hallName")).startsWith("Hall ");
        assertThat(JsonPath.<String>read(response.body(), "$.saleEndsAt")).endsWith("Z");
        assertThat(JsonPath.<String>read(response.body(), "$.startsAt")).isNotBlank();
        assertProblem(internalGet("/internal/events/" + UUID.randomUUID()), 404, "event-not-found");
        assertProblem(internalGet("/internal/events/not-a-uuid"), 400, "validation-failed");
    }

    @Test
    void seatsByIdInTheOrderAskedFor() {
        String id = createEvent(createHall(), inDays(-1));
        String other = createEvent(createHall(), inDays(-1));
        List<String> seatIds = jdbc.queryForList("""
                SELECT id::text FROM seats WHERE event_id = ?::uuid AND section = 'FLOOR' AND row_label = 'A'
                 ORDER BY number LIMIT 3""", String.class, id);
        String foreign = jdbc.queryForObject("SELECT id::text FROM seats WHERE event_id = ?::uuid LIMIT 1",
                String.class, other);
        List<String> asked = List.of(seatIds.get(2), seatIds.get(0), foreign, UUID.randomUUID().toString(), seatIds.get(2));

        var response = internalGet("/internal/events/" + id + "/seats?ids=" + String.join(",", asked));

        assertStatus(response, 200);
        assertThat(JsonPath.<List<String>>read(response.body(), "$[*].id")).containsExactly(seatIds.get(2), seatIds.get(0));
        assertThat(JsonPath.<String>read(response.body(), "$[0].eventId")).isEqualTo(id);
        assertThat(JsonPath.<String>read(response.body(), "$[0].section")).isEqualTo("FLOOR");
        assertThat(JsonPath.<String>read(response.body(), "$[0].row")).isEqualTo("A");
        assertThat(JsonPath.<Integer>read(response.body(), "$[0].number")).isEqualTo(3);
        assertThat(JsonPath.<String>read(response.body(), "$[0].grade")).isEqualTo("VIP");
        assertThat(JsonPath.<Integer>read(response.body(), "$[0].price")).isEqualTo(150000);
        assertThat(JsonPath.<String>read(response.body(), "$[0].status")).isEqualTo("AVAILABLE");
    }

    @Test
    void badSeatLookupsAre400sAndUnknownEventsAre404s() {
        String id = createEvent(createHall(), inDays(-1));
        String fifty = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        String fiftyOne = fifty + "," + UUID.randomUUID();

        assertStatus(internalGet("/internal/events/" + id + "/seats?ids=" + fifty), 200);
        var tooMany = internalGet("/internal/events/" + id + "/seats?ids=" + fiftyOne);
        assertProblem(tooMany, 400, "validation-failed");
        assertThat(errorFields(tooMany)).containsExactly("ids");
        assertProblem(internalGet("/internal/events/" + id + "/seats?ids=abc," + UUID.randomUUID()), 400, "validation-failed");
        assertProblem(internalGet("/internal/events/" + id + "/seats?ids=,,"), 400, "validation-failed");
        assertProblem(internalGet("/internal/events/" + id + "/seats"), 400, "bad-request");
        assertProblem(internalGet("/internal/events/" + UUID.randomUUID() + "/seats?ids=" + UUID.randomUUID()),
                404, "event-not-found");
        assertProblem(internalGet("/internal/events/" + UUID.randomUUID() + "/seats/sold"), 404, "event-not-found");
    }

    @Test
    void soldSeats() {
        String id = createEvent(createHall(), inDays(-1));
        assertThat(internalGet("/internal/events/" + id + "/seats/sold").body()).isEqualTo("[]");
        List<String> sold = jdbc.queryForList("""
                UPDATE seats SET status = 'SOLD', sold_reservation_id = gen_random_uuid()
                 WHERE id IN (SELECT id FROM seats WHERE event_id = ?::uuid LIMIT 4) RETURNING id::text""",
                String.class, id);

        var response = internalGet("/internal/events/" + id + "/seats/sold");

        assertStatus(response, 200);
        List<String> ids = JsonPath.read(response.body(), "$[*]");
        assertThat(ids).containsExactlyInAnyOrderElementsOf(sold);
        assertThat(Collections.frequency(ids, sold.getFirst())).isEqualTo(1);
    }

    @Test
    void onlyTheServicesThatLookEventsUpMayCall() {
        String path = "/internal/events/" + UUID.randomUUID() + "/seats/sold";
        assertProblem(get(path, null), 401, "authentication-required");
        assertProblem(get(path, user), 403, "access-denied");
        assertProblem(get(path, admin), 403, "access-denied");
        assertProblem(asService(path, "payment-service"), 401, "authentication-required");
        assertProblem(withServiceToken(path, "reservation-service.9999999999.forged"), 401, "authentication-required");
        assertProblem(asService(path, "queue-service"), 404, "event-not-found");
        assertProblem(asService(path, "reservation-service"), 404, "event-not-found");
    }

    @Test
    void operatorEndpointsNeedAnAdmin() {
        assertProblem(get("/actuator/dlq", null), 401, "authentication-required");
        assertProblem(get("/actuator/dlq", user), 403, "access-denied");
        assertProblem(post("/actuator/dlq/reservation.events", "{}", user), 403, "access-denied");
        assertStatus(get("/actuator/dlq", admin), 200);
        assertStatus(get("/actuator/health", null), 200);
    }

    private HttpResponse<String> asService(String path, String caller) {
        return withServiceToken(path, TestServiceTokens.token(caller));
    }

    private HttpResponse<String> withServiceToken(String path, String token) {
        return TestHttp.send(HttpRequest.newBuilder(uri(path)).header(ServiceCredentials.HEADER, token).GET().build());
    }
}
