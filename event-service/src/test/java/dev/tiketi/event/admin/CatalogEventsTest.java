package dev.tiketi.event.admin;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.CatalogIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every admin change of an event leaves through the outbox onto event.events, with the event's facts. */
class CatalogEventsTest extends CatalogIntegrationTest {

    @Autowired
    private CatalogRepublisher republisher;

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
        assertThat(types).containsExactly("EventCreated", "SeatsGenerated", "SaleOpened", "SaleClosed", "EventCancelled");
        // the seats are announced in the transaction that created them, with the event's version at creation
        List<Long> versions = jdbc.queryForList("""
                SELECT (envelope->>'version')::bigint FROM outbox WHERE aggregate_id = ?::uuid ORDER BY id""",
                Long.class, eventId);
        assertThat(versions.get(1)).isEqualTo(versions.get(0));
        assertThat(versions.subList(1, versions.size())).isSorted().doesNotHaveDuplicates();
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
    void everySeatIsAnnouncedWithItsGradeAndPrice() {
        String eventId = createEvent(createHall(), inDays(3));

        String seats = jdbc.queryForObject("""
                SELECT envelope::text FROM outbox WHERE aggregate_id = ?::uuid AND event_type = 'SeatsGenerated'""",
                String.class, eventId);
        assertThat(JsonPath.<Integer>read(seats, "$.payload.part")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(seats, "$.payload.parts")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(seats, "$.payload.seats[*].seatId"))
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "SELECT id::text FROM seats WHERE event_id = ?::uuid", String.class, eventId));
        // layout order: FLOOR row A (VIP) first
        assertThat(JsonPath.<String>read(seats, "$.payload.seats[0].section")).isEqualTo("FLOOR");
        assertThat(JsonPath.<String>read(seats, "$.payload.seats[0].row")).isEqualTo("A");
        assertThat(JsonPath.<Integer>read(seats, "$.payload.seats[0].number")).isEqualTo(1);
        assertThat(JsonPath.<String>read(seats, "$.payload.seats[0].grade")).isEqualTo("VIP");
        assertThat(JsonPath.<Integer>read(seats, "$.payload.seats[0].price")).isEqualTo(150000);
    }

    @Test
    void queuedEventsAreAnnouncedAgainWithTheirSeatsAndCurrentVersion() {
        String eventId = createEvent(createHall(), inDays(3));
        jdbc.update("INSERT INTO catalog_republish (event_id) VALUES (?::uuid)", eventId);

        // the scheduled drain may take it first: either way it is announced once
        republisher.drain();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM catalog_republish WHERE event_id = ?::uuid", Integer.class, eventId) == 0);

        assertThat(jdbc.queryForList("SELECT event_type FROM outbox WHERE aggregate_id = ?::uuid ORDER BY id",
                String.class, eventId)).containsExactly("EventCreated", "SeatsGenerated", "EventChanged", "SeatsGenerated");
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT (envelope->>'version')::bigint FROM outbox WHERE aggregate_id = ?::uuid""",
                Long.class, eventId)).hasSize(1);
    }

    @Test
    void editingIsAnnouncedAsAChange() {
        String hallId = createHall();
        String eventId = createEvent(hallId, inDays(3));
        assertStatus(put("/api/admin/events/" + eventId, eventJson(hallId, unique("Renamed"), inDays(3)), admin), 200);

        assertThat(jdbc.queryForList("SELECT event_type FROM outbox WHERE aggregate_id = ?::uuid ORDER BY id",
                String.class, eventId)).containsExactly("EventCreated", "SeatsGenerated", "EventChanged");
        assertThat(jdbc.queryForObject("""
                SELECT envelope->'payload'->'facts'->>'title' FROM outbox
                 WHERE aggregate_id = ?::uuid AND event_type = 'EventChanged'""", String.class, eventId))
                .startsWith("Renamed");
    }
}
