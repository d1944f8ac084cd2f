package dev.tiketi.queue.admin;

import dev.tiketi.queue.support.QueueIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QueueOverviewTest extends QueueIntegrationTest {

    @Test
    void countsWaitingAndTheLastHoursAdmissionsPerMinute() {
        UUID event = UUID.randomUUID();
        String admin = tokens.admin(UUID.randomUUID());
        call("PUT", "/api/admin/queue/" + event + "/policy", admin, "{\"type\":\"CAPACITY\",\"maxActive\":3}");
        for (int i = 0; i < 5; i++) {
            enter(event, UUID.randomUUID());
        }
        admissions.tick();

        var response = call("GET", "/api/admin/queue/overview?eventId=" + event, admin, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response, "$[0].eventId").toString()).isEqualTo(event.toString());
        assertThat((Integer) json(response, "$[0].waiting")).isEqualTo(2);
        assertThat((Integer) json(response, "$[0].active")).isEqualTo(3);
        assertThat((Integer) json(response, "$[0].admittedLastHour")).isEqualTo(3);
        List<Integer> perMinute = json(response, "$[0].admittedPerMinute");
        assertThat(perMinute).hasSize(60);
        assertThat(perMinute.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    }

    @Test
    void withoutEventIdsListsTheRoomsWithPeopleWaiting() {
        UUID event = UUID.randomUUID();
        String admin = tokens.admin(UUID.randomUUID());
        call("POST", "/api/admin/queue/" + event + "/pause", admin, null);
        enter(event, UUID.randomUUID());

        var response = call("GET", "/api/admin/queue/overview", admin, null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = json(response, "$[*].eventId");
        assertThat(ids).contains(event.toString());
    }

    @Test
    void onlyAdminsMaySeeIt() {
        assertProblem(call("GET", "/api/admin/queue/overview", tokens.user(UUID.randomUUID()), null), 403, "access-denied");
        assertProblem(call("GET", "/api/admin/queue/overview", null, null), 401, "authentication-required");
    }

    @Test
    void tooManyEventsIsABadRequest() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            query.append(i == 0 ? "?" : "&").append("eventId=").append(UUID.randomUUID());
        }
        assertProblem(call("GET", "/api/admin/queue/overview" + query, tokens.admin(UUID.randomUUID()), null),
                400, "validation-failed");
    }
}
