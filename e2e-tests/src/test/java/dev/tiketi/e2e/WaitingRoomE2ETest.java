package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import dev.tiketi.serviceauth.BuyerTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waiting room through the gateway: a buyer enters the queue of an event on sale, follows the live
 * stream (SSE through the gateway, which must not time it out) until admitted, and the admission token is
 * signed for the buyer and the event with the platform's secret (checked where it is shown; queue-service has
 * no token endpoint any more).
 */
@ExtendWith(PlatformExtension.class)
class WaitingRoomE2ETest {

    @Test
    void aBuyerWaitsWatchesTheStreamAndIsAdmittedWithAToken(PlatformUnderTest platform) throws Exception {
        Api gateway = platform.gateway();
        String admin = platform.token(UUID.randomUUID(), "ADMIN");
        UUID buyer = UUID.randomUUID();
        String buyerToken = platform.token(buyer, "USER");

        Reply onSale = gateway.get("/api/events?status=ON_SALE", null);
        assertThat(onSale.status()).as(onSale.body()).isEqualTo(200);
        List<String> ids = onSale.read("$.items[*].id");
        assertThat(ids).as("the demo profile puts an event on sale").isNotEmpty();
        String eventId = ids.getFirst();

        // paused, so the buyer certainly waits until the admin lets the queue move
        assertThat(gateway.post("/api/admin/queue/" + eventId + "/pause", "{}", admin).status()).isEqualTo(200);
        Reply entered = gateway.post("/api/queue/" + eventId + "/enter", "{}", buyerToken);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        assertThat(entered.<String>read("$.status")).isEqualTo("WAITING");
        assertThat(entered.<Integer>read("$.position")).isEqualTo(1);

        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> readStream(
                platform.platform().gatewayUrl() + "/api/queue/" + eventId + "/stream", buyerToken, events));
        // while the queue is paused the stream reports the position; then the admin lets it move
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("position"));
        assertThat(gateway.post("/api/admin/queue/" + eventId + "/resume", "{}", admin).status()).isEqualTo(200);

        stream.get(30, TimeUnit.SECONDS);
        assertThat(events).as("event names in order").startsWith("position").endsWith("admitted");

        Reply status = gateway.get("/api/queue/" + eventId + "/status", buyerToken);
        assertThat(status.<String>read("$.status")).isEqualTo("ADMITTED");
        String admission = status.read("$.admissionToken");
        assertThat(admission).startsWith("qr_");

        BuyerTokens tokens = new BuyerTokens(platform.internalSecret());
        UUID event = UUID.fromString(eventId);
        assertThat(tokens.checkAdmission(admission, buyer, event, Instant.now()).valid()).isTrue();
        assertThat(tokens.checkAdmission(admission, UUID.randomUUID(), event, Instant.now()).valid())
                .as("bound to the buyer").isFalse();
        assertThat(status.<String>read("$.admissionExpiresAt")).isEqualTo(
                tokens.checkAdmission(admission, buyer, event, Instant.now()).expiresAt().toString());

        Reply validate = platform.internal("queue-service", "POST", "/internal/queue/tokens/validate", "reservation-service")
                .json("{\"token\":\"%s\",\"userId\":\"%s\",\"eventId\":\"%s\"}".formatted(admission, buyer, eventId)).send();
        assertThat(validate.status()).as("nobody asks queue-service about tokens any more").isEqualTo(404);
        assertThat(gateway.get("/internal/queue/tokens/validate", admin).status()).isEqualTo(404);
        assertThat(gateway.call("DELETE", "/api/queue/" + eventId).bearer(buyerToken).send().status()).isEqualTo(204);
    }

    /**
     * A polling client's way through the real gateway and queue-service: the public progress figure, asked without
     * a token (the gateway keeps it for a second; GatewayIntegrationTest shows that), reaches the buyer's ticket once
     * they are admitted.
     */
    @Test
    void thePublicProgressFigureReachesTheBuyersTicketWhenTheyAreAdmitted(PlatformUnderTest platform) {
        Api gateway = platform.gateway();
        String admin = platform.token(UUID.randomUUID(), "ADMIN");
        UUID buyer = UUID.randomUUID();
        String buyerToken = platform.token(buyer, "USER");
        List<String> ids = gateway.get("/api/events?status=ON_SALE", null).read("$.items[*].id");
        String eventId = ids.getFirst();
        String progressPath = "/api/queue/" + eventId + "/progress";

        assertThat(gateway.post("/api/admin/queue/" + eventId + "/pause", "{}", admin).status()).isEqualTo(200);
        Reply entered = gateway.post("/api/queue/" + eventId + "/enter", "{}", buyerToken);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        long ticket = entered.<Number>read("$.ticket").longValue();

        Reply progress = gateway.get(progressPath, null);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(progress.<Number>read("$.servedThrough").longValue()).as("paused: not yet").isLessThan(ticket);
        assertThat(progress.<Number>read("$.totalWaiting").longValue()).isPositive();

        assertThat(gateway.post("/api/admin/queue/" + eventId + "/resume", "{}", admin).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(
                () -> gateway.get(progressPath, null).<Number>read("$.servedThrough").longValue() >= ticket);
        Reply status = gateway.get("/api/queue/" + eventId + "/status", buyerToken);
        assertThat(status.<String>read("$.status")).as("the figure reached the ticket: admitted").isEqualTo("ADMITTED");
        assertThat(gateway.call("DELETE", "/api/queue/" + eventId).bearer(buyerToken).send().status()).isEqualTo(204);
    }

    /** Reads server-sent events until the stream ends, adding each event's name to {@code names} as it arrives. */
    private static void readStream(String url, String token, List<String> names) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        try {
            HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> line.startsWith("event:"))
                        .map(line -> line.substring("event:".length()).strip())
                        .forEach(names::add);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
