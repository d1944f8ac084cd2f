package dev.tiketi.event.admin;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.CatalogIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every admin change of an event leaves through the outbox onto event.events, with the event's facts. */
class CatalogEventsTest extends CatalogIntegrationTest {

    @Test
    void creatingOpeningClosingAndCancellingAreAnnouncedInOrderWithTheFacts() {
        String eventId = createEvent(createHall(), inDays(3));
        assertStatus(post("/api/admin/events/" + eventId + "/open-sale", "", admin), 200);
        clock.advance(Duration.ofMinutes(1));
        assertStatus(post("/api/admin/events/" + eventId + "/close-sale", "", admin), 200);
        assertStatus(post("/api/admin/events/" + eventId + "/cancel", "", admin), 200);
        // cancelling again changes nothing and announces nothing
        assertStatus(post("/api/admin/events/" + eventId + "/cancel", "", admin), 200);

        List<String> types = jdbc.queryForList(
                "SELECT event_type FROM outbox WHERE aggregate_id = ?::uuid ORDER BY id", String.class, eventId);
        assertThat(types).containsExactly("EventCreated", "SaleOpened", "SaleClosed", "EventCancelled");
        List<Long> versions = jdbc.queryForList("""
                SELECT (envelope->>'version')::bigint FROM outbox WHERE aggregate_id = ?::uuid ORDER BY id""",
                Long.class, eventId);
        assertThat(versions).isSorted().doesNotHaveDuplicates();
        String cancelled = jdbc.queryForObject("""
                SELECT envelope::text FROM outbox WHERE aggregate_id = ?::uuid AND event_type = 'EventCancelled'""",
                String.class, eventId);
        assertThat(JsonPath.<String>read(cancelled, "$.aggregateType")).isEqualTo("Event");
        assertThat(JsonPath.<String>read(cancelled, "$.payload.eventId")).isEqualTo(eventId);
        assertThat(JsonPath.<String>read(cancelled, "$.payload.facts.status")).isEqualTo("CANCELLED");
        assertThat(JsonPath.<Integer>read(cancelled, "$.payload.facts.seatCount")).isEqualTo(70);
        assertThat(JsonPath.<List<String>>read(cancelled, "$.payload.facts.grades[*].grade"))
                .containsExactly("VIP", "R", "S");
        assertThat(JsonPath.<List<Integer>>read(cancelled, "$.payload.facts.grades[*].seats"))
                .containsExactly(10, 20, 40);
        assertThat(JsonPath.<String>read(cancelled, "$.payload.cancelledAt")).isNotBlank();

        // the relay publishes them to Kafka
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ?::uuid AND published_at IS NULL",
                Integer.class, eventId) == 0);
    }

    @Test
    void editingIsAnnouncedAsAChange() {
        String hallId = createHall();
        String eventId = createEvent(hallId, inDays(3));
        assertStatus(put("/api/admin/events/" + eventId, eventJson(hallId, unique("Renamed"), inDays(3)), admin), 200);

        assertThat(jdbc.queryForList("SELECT event_type FROM outbox WHERE aggregate_id = ?::uuid ORDER BY id",
                String.class, eventId)).containsExactly("EventCreated", "EventChanged");
        assertThat(jdbc.queryForObject("""
                SELECT envelope->'payload'->'facts'->>'title' FROM outbox
                 WHERE aggregate_id = ?::uuid AND event_type = 'EventChanged'""", String.class, eventId))
                .startsWith("Renamed");
    }
}
