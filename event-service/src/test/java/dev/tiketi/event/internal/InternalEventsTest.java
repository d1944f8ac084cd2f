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

import static org.assertj.core.api.Assertions.assertThat;

/** Called by queue-service (and, for the SOLD seats, tests and operators) with a service token: the gateway never routes /internal. */
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
    void unknownEventsAre404s() {
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
