package dev.tiketi.gateway;

import dev.tiketi.testsupport.InfrastructureInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service holding its limit of requests in progress: the next request for it is refused at once with 503
 * {@code overloaded} + Retry-After rather than waiting out the response timeout, while other services and that
 * service's live streams are served as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        // the held requests must outlast the test's steps on a busy machine, not end in a 504
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=30s",
        "tiketi.gateway.service-in-flight.max=20",
        "tiketi.gateway.service-in-flight.services.reservation-service=" + GatewayServiceBulkheadTest.LIMIT,
        "tiketi.gateway.service-in-flight.services.event-service=" + GatewayServiceBulkheadTest.LIMIT})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class GatewayServiceBulkheadTest extends GatewayTestSupport {

    static final int LIMIT = 3;

    private static final Downstream RESERVATIONS = Downstream.start("reservation-service");
    private static final Downstream EVENTS = Downstream.start("event-service");

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("tiketi.urls.reservation-service", RESERVATIONS::url);
        registry.add("tiketi.urls.event-service", EVENTS::url);
    }

    @AfterAll
    static void stopServices() {
        RESERVATIONS.releaseHeld();
        EVENTS.releaseHeld();
        RESERVATIONS.stop();
        EVENTS.stop();
    }

    @Test
    void pastItsLimitAServiceIsRefusedAtOnceWhileOthersAndItsStreamsAreServed() throws Exception {
        Map<String, String> auth = bearer(tokens.user(UUID.randomUUID()));
        List<Future<HttpResponse<String>>> held;
        try (ExecutorService clients = Executors.newFixedThreadPool(LIMIT)) {
            held = IntStream.range(0, LIMIT)
                    .mapToObj(i -> clients.submit(() -> get("/api/reservations/" + i + "/held", auth)))
                    .toList();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> RESERVATIONS.held() == LIMIT);

                HttpResponse<String> refused = get("/api/reservations/next", auth);

                assertProblem(refused, 503, "overloaded");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(held).as("refused while the service still held its limit, not after it")
                        .noneMatch(Future::isDone);
                assertThat(meters.get("tiketi.gateway.service.requests.shed").tag("service", "reservation-service")
                        .counter().count()).isEqualTo(1.0);

                HttpResponse<String> otherService = get("/api/events/1", auth);
                assertThat(otherService.statusCode()).as(otherService.body()).isEqualTo(200);
                assertThat(otherService.body()).contains("\"service\":\"event-service\"");
                HttpResponse<String> stream = get("/api/reservations/1/stream", auth);
                assertThat(stream.statusCode()).as("live streams are not counted").isEqualTo(200);
                assertThat(stream.body()).contains("event: position");
            } finally {
                RESERVATIONS.releaseHeld();
            }
            for (Future<HttpResponse<String>> response : held) {
                assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(200);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("tiketi.gateway.service.requests.in.flight")
                .tag("service", "reservation-service").gauge().value() == 0);
        assertThat(get("/api/reservations/1", auth).statusCode())
                .as("the slots are free again once the held requests are done").isEqualTo(200);
    }

    @Test
    void aKeptAnswerIsServedWhileItsServiceIsSaturated() throws Exception {
        String kept = "/api/events/" + UUID.randomUUID() + "/shared?max-age=60";
        assertThat(get(kept, Map.of()).statusCode()).isEqualTo(200);
        try (ExecutorService clients = Executors.newFixedThreadPool(LIMIT)) {
            IntStream.range(0, LIMIT).forEach(i -> clients.submit(() -> get("/api/events/" + i + "/held", Map.of())));
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> EVENTS.held() == LIMIT);

                assertProblem(get("/api/events/" + UUID.randomUUID(), Map.of()), 503, "overloaded");
                HttpResponse<String> fromTheCache = get(kept, Map.of());
                assertThat(fromTheCache.statusCode()).as(fromTheCache.body()).isEqualTo(200);
                assertThat(fromTheCache.headers().firstValue("Age")).isPresent();
            } finally {
                EVENTS.releaseHeld();
            }
        }
    }
}
