package dev.tiketi.reservation.seatmap;

import dev.tiketi.reservation.hold.HoldKeys;
import dev.tiketi.reservation.hold.SeatHolds;
import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import dev.tiketi.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SeatMapTest extends ReservationIntegrationTest {

    private final UUID viewer = UUID.randomUUID();

    @Autowired
    SeatHolds seatHolds;

    @Test
    void statusIsSoldFromConfirmedReservationsAndHeldFromRedis() {
        TestEvent event = catalog.onSale(6);
        held(UUID.randomUUID(), event.id(), event.seats(0, 1));
        pay(held(UUID.randomUUID(), event.id(), event.seats(2)));
        pay(held(UUID.randomUUID(), event.id(), event.seats(5)));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var status = call("GET", "/api/seats/" + event.id() + "/status", viewer, null);
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            assertThat(json(status, "$.eventId").toString()).isEqualTo(event.id().toString());
            assertThat(ReservationIntegrationTest.<List<String>>json(status, "$.held"))
                    .containsExactlyInAnyOrderElementsOf(ids(event.seats(0, 1)));
            assertThat(ReservationIntegrationTest.<List<String>>json(status, "$.sold"))
                    .containsExactlyInAnyOrderElementsOf(ids(event.seats(2, 5)));
            assertThat(json(status, "$.asOf").toString()).isNotBlank();
        });
        assertProblem(call("GET", "/api/seats/" + UUID.randomUUID() + "/status", viewer, null), 404, "event-not-found");
        assertProblem(call("GET", "/api/seats/" + event.id() + "/status", null, null), 401, "authentication-required");
    }

    /**
     * The sold seats read from the database are reused for a while; a sale since then shows through its Redis
     * marker, and only markers younger than that read are looked at (not every sale of the last ten minutes).
     */
    @Test
    void saleMarkersNewerThanTheSoldSeatsReadAreSoldTooOlderOnesAreNotReadAgain() {
        TestEvent event = catalog.onSale(6);
        var empty = call("GET", "/api/seats/" + event.id() + "/status", viewer, null);
        assertThat(ReservationIntegrationTest.<List<String>>json(empty, "$.sold")).isEmpty();
        Instant now = Instant.now();

        seatHolds.sell(event.id(), UUID.randomUUID(), event.seats(3, 1), now);
        seatHolds.sell(event.id(), UUID.randomUUID(), event.seats(4), now.minus(Duration.ofMinutes(1)));

        var status = call("GET", "/api/seats/" + event.id() + "/status", viewer, null);
        assertThat(ReservationIntegrationTest.<List<String>>json(status, "$.sold"))
                .as("in Redis only, sold after the cached read; in UUID order")
                .containsExactlyElementsOf(event.seats(3, 1).stream().sorted().map(UUID::toString).toList());
    }

    @Test
    void aStreamStartsWithASnapshotThenPushesEveryChange() {
        TestEvent event = catalog.onSale(6);
        UUID buyer = UUID.randomUUID();
        held(UUID.randomUUID(), event.id(), event.seats(5));
        List<String> lines = open(event.id());

        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:snapshot"));
        assertThat(lines.get(lines.indexOf("event:snapshot") + 1)).contains("\"held\":[\"" + event.seatIds().get(5) + "\"]");

        UUID id = held(buyer, event.id(), event.seats(0, 1));
        awaitChange(lines, "HELD", event.seats(0, 1));
        call("PUT", "/api/reservations/" + id + "/seats", buyer, "{\"seatIds\":" + jsonIds(event.seats(1, 2)) + "}");
        awaitChange(lines, "RELEASED", event.seats(0));
        awaitChange(lines, "HELD", event.seats(2));
        pay(id);
        awaitChange(lines, "SOLD", event.seats(1, 2));
        call("POST", "/api/reservations/" + id + "/cancel", buyer, null);
        awaitChange(lines, "RELEASED", event.seats(1, 2));
    }

    @Test
    void aStreamHearsChangesMadeOnAnyInstanceThroughTheEventsChannel() {
        TestEvent event = catalog.onSale(6);
        List<String> lines = open(event.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:snapshot"));

        // what another instance's hold publishes: this instance only hears of it through Redis
        redis.convertAndSend(HoldKeys.changes(event.id()),
                "{\"eventId\":\"" + event.id() + "\",\"status\":\"HELD\",\"seatIds\":[\"" + event.seatIds().get(3) + "\"]}");

        awaitChange(lines, "HELD", event.seats(3));
    }

    @Test
    void aStreamOfAnUnknownEventIsA404() {
        var response = TestHttp.send(request(UUID.randomUUID()));
        assertProblem(response, 404, "event-not-found");
    }

    /** Opens the event's stream and collects its lines as they arrive. */
    private List<String> open(UUID eventId) {
        HttpResponse<Stream<String>> response = TestHttp.send(request(eventId), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        return lines;
    }

    private HttpRequest request(UUID eventId) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/seats/" + eventId + "/stream"))
                .header("Authorization", "Bearer " + tokens.user(viewer))
                .header("Accept", "text/event-stream")
                .build();
    }

    private static void awaitChange(List<String> lines, String status, List<UUID> seats) {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            for (int i = 0; i + 1 < lines.size(); i++) {
                String data = lines.get(i + 1);
                if (lines.get(i).equals("event:seats") && data.contains("\"status\":\"" + status + "\"")
                        && seats.stream().allMatch(seat -> data.contains(seat.toString()))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static List<String> ids(List<UUID> seats) {
        return seats.stream().map(UUID::toString).toList();
    }
}
