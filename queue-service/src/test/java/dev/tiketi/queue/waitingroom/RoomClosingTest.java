package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.support.EventServiceStub;
import dev.tiketi.queue.support.QueueIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RoomClosingTest extends QueueIntegrationTest {

    @Test
    void aCancelledEventsRoomClosesTellsItsStreamsAndLetsEveryoneGo() throws Exception {
        UUID event = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String admin = tokens.admin(UUID.randomUUID());
        call("POST", "/api/admin/queue/" + event + "/pause", admin, null);
        List<UUID> waiting = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        waiting.forEach(user -> assertThat(enter(event, user).statusCode()).isEqualTo(200));
        UUID elsewhere = UUID.randomUUID();
        assertThat(enter(other, elsewhere).statusCode()).isEqualTo(200);

        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/queue/" + event + "/stream"))
                .header("Authorization", "Bearer " + tokens.user(waiting.getFirst()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:position"));

        EventServiceStub.instance().status(event, "CANCELLED");

        // the scheduled check runs every 2 s and reads the status through the 3 s catalog cache
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertProblem(status(event, waiting.get(1)), 409, "queue-closed"));
        ended.get(10, TimeUnit.SECONDS);
        int closed = lines.indexOf("event:closed");
        assertThat(closed).as(lines.toString()).isPositive();
        assertThat(lines.get(closed + 1)).contains("\"reason\":\"EVENT_CANCELLED\"").contains(event.toString());
        for (UUID user : waiting) {
            assertProblem(status(event, user), 409, "queue-closed");
        }
        assertProblem(enter(event, UUID.randomUUID()), 409, "queue-closed");
        // let go entirely: they may queue for another event now
        assertThat(enter(other, waiting.get(2)).statusCode()).isEqualTo(200);
        // another event's room is untouched
        assertThat(status(other, elsewhere).statusCode()).isEqualTo(200);
        assertThat(json(call("GET", "/api/admin/queue/" + event, admin, null), "$.waiting").toString()).isEqualTo("0");
        // the public figure says so too, so clients polling it ask for their own status and are told why
        var progress = call("GET", "/api/queue/" + event + "/progress", null, null);
        assertThat(json(progress, "$.closedReason").toString()).isEqualTo("EVENT_CANCELLED");
        assertThat(json(progress, "$.totalWaiting").toString()).isEqualTo("0");
    }
}
