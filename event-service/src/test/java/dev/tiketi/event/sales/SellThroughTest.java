package dev.tiketi.event.sales;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.CatalogIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SellThroughTest extends CatalogIntegrationTest {

    @Test
    void soldSeatsOverAllSeatsPerEventAndGrade() {
        String eventId = createEvent(createHall(), inDays(-1));
        // two VIP seats and one S seat sold to a booking, as the reservation.events projection would
        UUID booking = UUID.randomUUID();
        jdbc.update("""
                UPDATE seats SET status = 'SOLD', sold_reservation_id = ?::uuid
                 WHERE id IN (SELECT id FROM seats WHERE event_id = ?::uuid AND grade = 'VIP' LIMIT 2)
                    OR id IN (SELECT id FROM seats WHERE event_id = ?::uuid AND grade = 'S' LIMIT 1)""",
                booking.toString(), eventId, eventId);
        jdbc.update("UPDATE events SET available_count = seat_count - 3 WHERE id = ?::uuid", eventId);

        var one = get("/api/admin/events/" + eventId + "/sell-through", admin);

        assertStatus(one, 200);
        assertThat(JsonPath.<Integer>read(one.body(), "$.total")).isEqualTo(70);
        assertThat(JsonPath.<Integer>read(one.body(), "$.sold")).isEqualTo(3);
        assertThat(JsonPath.<Number>read(one.body(), "$.ratio").doubleValue()).isCloseTo(3 / 70.0, within(1e-9));
        assertThat(JsonPath.<List<String>>read(one.body(), "$.grades[*].grade")).containsExactly("VIP", "R", "S");
        assertThat(JsonPath.<List<Integer>>read(one.body(), "$.grades[*].total")).containsExactly(10, 20, 40);
        assertThat(JsonPath.<List<Integer>>read(one.body(), "$.grades[*].sold")).containsExactly(2, 0, 1);
        assertThat(JsonPath.<Number>read(one.body(), "$.grades[0].ratio").doubleValue()).isCloseTo(0.2, within(1e-9));

        var list = get("/api/admin/events/sell-through?limit=500", admin);
        assertStatus(list, 200);
        List<Integer> sold = JsonPath.read(list.body(), "$[?(@.eventId == '" + eventId + "')].sold");
        assertThat(sold).containsExactly(3);
        List<Object> grades = JsonPath.read(list.body(), "$[?(@.eventId == '" + eventId + "')].grades[*]");
        assertThat(grades).isEmpty();
        var upcoming = get("/api/admin/events/sell-through?status=UPCOMING&limit=500", admin);
        assertThat(JsonPath.<List<String>>read(upcoming.body(), "$[*].eventId")).doesNotContain(eventId);
    }

    @Test
    void problemsAndAccess() {
        assertProblem(get("/api/admin/events/" + UUID.randomUUID() + "/sell-through", admin), 404, "event-not-found");
        assertProblem(get("/api/admin/events/sell-through?status=SOON", admin), 400, "validation-failed");
        assertProblem(get("/api/admin/events/sell-through?limit=0", admin), 400, "validation-failed");
        assertProblem(get("/api/admin/events/sell-through", user), 403, "access-denied");
        assertProblem(get("/api/admin/events/sell-through", null), 401, "authentication-required");
        assertProblem(get("/api/admin/events/" + UUID.randomUUID() + "/sell-through", user), 403, "access-denied");
    }
}
