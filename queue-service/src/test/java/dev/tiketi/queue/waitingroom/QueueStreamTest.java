package dev.tiketi.queue.waitingroom;

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

class QueueStreamTest extends QueueIntegrationTest {

    @Test
    void streamsPositionsThenTheAdmissionAndEnds() throws Exception {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String admin = tokens.admin(UUID.randomUUID());
        call("PUT", "/api/admin/queue/" + event + "/policy", admin, "{\"type\":\"CAPACITY\",\"maxActive\":1}");
        call("POST", "/api/admin/queue/" + event + "/pause", admin, null);
        UUID ahead = UUID.randomUUID();
        enter(event, ahead);
        enter(event, user);

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/queue/" + event + "/stream"))
                .header("Authorization", "Bearer " + tokens.user(user))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));

        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().filter("event:position"::equals).count() >= 2);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("data:").contains("\"position\":2"));

        call("POST", "/api/admin/queue/" + event + "/resume", admin, null);
        admissions.tick();
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(line -> line.contains("\"position\":1")));

        leave(event, ahead);
        admissions.tick();
        ended.get(5, TimeUnit.SECONDS);
        int admitted = lines.indexOf("event:admitted");
        assertThat(admitted).isPositive();
        assertThat(lines.get(admitted + 1)).startsWith("data:").contains("\"status\":\"ADMITTED\"").contains("qr_");
    }

    @Test
    void notInTheQueueIsA404() {
        var response = HTTP.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/queue/" + UUID.randomUUID() + "/stream"))
                .header("Authorization", "Bearer " + tokens.user(UUID.randomUUID()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString()).join();
        assertProblem(response, 404, "not-in-queue");
    }
}
