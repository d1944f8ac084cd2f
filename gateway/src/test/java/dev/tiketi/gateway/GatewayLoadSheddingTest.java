package dev.tiketi.gateway;

import dev.tiketi.testsupport.InfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Beyond max-in-flight requests in progress, new ones are refused at once with a 503 problem, not queued. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "tiketi.gateway.max-in-flight=3"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class GatewayLoadSheddingTest extends GatewayTestSupport {

    private static final int CONCURRENT = 10;

    @DynamicPropertySource
    static void slowReservationService(DynamicPropertyRegistry registry) {
        Downstream reservations = Downstream.start("reservation-service");
        registry.add("tiketi.urls.reservation-service", reservations::url);
    }

    @Test
    void requestsBeyondTheLimitAreShedWithA503ProblemWhileTheOthersAreServed() throws Exception {
        Map<String, String> auth = bearer(tokens.user(UUID.randomUUID()));
        CountDownLatch start = new CountDownLatch(1);
        List<HttpResponse<String>> responses;
        try (ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT)) {
            List<Future<HttpResponse<String>>> sent = IntStream.range(0, CONCURRENT)
                    .mapToObj(i -> clients.submit(() -> {
                        start.await();
                        return get("/api/reservations/" + i + "/slow", auth);
                    }))
                    .toList();
            start.countDown();
            responses = sent.stream().map(GatewayLoadSheddingTest::join).toList();
        }

        List<HttpResponse<String>> served = responses.stream().filter(response -> response.statusCode() == 200).toList();
        List<HttpResponse<String>> shed = responses.stream().filter(response -> response.statusCode() != 200).toList();
        assertThat(served).hasSize(3);
        assertThat(shed).hasSize(CONCURRENT - 3).allSatisfy(response -> {
            assertProblem(response, 503, "overloaded");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        });
        assertThat(get("/api/reservations/1", auth).statusCode())
                .as("the slots are free again once the slow requests are done").isEqualTo(200);
    }

    private static HttpResponse<String> join(Future<HttpResponse<String>> response) {
        try {
            return response.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
