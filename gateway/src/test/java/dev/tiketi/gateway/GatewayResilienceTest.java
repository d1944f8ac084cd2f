package dev.tiketi.gateway;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.InfrastructureInitializer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that is down: clear 503 problems with Retry-After, the breaker opens so the gateway stops trying,
 * and half-opens on its own once its wait is over, so a service that is back is reached at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "tiketi.gateway.circuit-breaker.sliding-window-size=4",
        "tiketi.gateway.circuit-breaker.minimum-number-of-calls=4",
        "tiketi.gateway.circuit-breaker.wait-duration-in-open-state=2s"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class GatewayResilienceTest extends GatewayTestSupport {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    /** Down at first; {@link #aServiceThatIsBackIsReachedAsSoonAsTheBreakerWaitIsOver} starts it. */
    private static final String RETURNING_QUEUE_SERVICE = Downstream.deadUrl();

    @DynamicPropertySource
    static void deadPaymentService(DynamicPropertyRegistry registry) {
        String dead = Downstream.deadUrl();
        registry.add("tiketi.urls.payment-service", () -> dead);
        registry.add("tiketi.urls.queue-service", () -> RETURNING_QUEUE_SERVICE);
    }

    @Test
    void unreachableServiceIsA503ProblemAndOpensTheCircuit() throws Exception {
        Map<String, String> auth = bearer(tokens.user(UUID.randomUUID()));
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = get("/api/payments/" + i, auth);
            assertProblem(response, 503, "service-unavailable");
            assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("payment-service");
        }
        CircuitBreaker breaker = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("payment-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        HttpResponse<String> shortCircuited = get("/api/payments/5", auth);
        assertProblem(shortCircuited, 503, "service-unavailable");
        assertThat(JsonPath.<String>read(shortCircuited.body(), "$.detail")).contains("circuit open");
        assertThat(shortCircuited.headers().firstValue("Retry-After")).as("the breaker's wait").hasValue("2");
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isPositive();
    }

    @Test
    void everyRefusalOfADownServiceSaysWhenToRetry() throws Exception {
        Map<String, String> auth = bearer(tokens.user(UUID.randomUUID()));
        for (String path : List.of("/api/payments/1", "/api/payments/1/stream")) {
            HttpResponse<String> response = get(path, auth);
            assertProblem(response, 503, "service-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).as(path).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));
        }
    }

    @Test
    void refusalsDuringAnOutageDoNotUseUpTheHoldAndPayBudget() throws Exception {
        // hold-pay allows 20 POSTs a minute per user; retries against a down service must not spend them
        Map<String, String> auth = bearer(tokens.user(UUID.randomUUID()));
        for (int i = 1; i <= 25; i++) {
            HttpResponse<String> response = post("/api/payments", "{}", auth);
            assertProblem(response, 503, "service-unavailable");
        }
    }

    @Test
    void aServiceThatIsBackIsReachedAsSoonAsTheBreakerWaitIsOver() throws Exception {
        Map<String, String> auth = bearer(tokens.user(UUID.randomUUID()));
        for (int i = 0; i < 4; i++) {
            assertProblem(get("/api/queue/1/status", auth), 503, "service-unavailable");
        }
        CircuitBreaker breaker = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("queue-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Downstream queueService = Downstream.startOn("queue-service",
                URI.create(RETURNING_QUEUE_SERVICE).getPort());
        try {
            long back = System.nanoTime();
            await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get("/api/queue/1/status", auth).statusCode() == 200);
            Duration recovered = Duration.ofNanos(System.nanoTime() - back);
            assertThat(recovered).as("within the 2 s wait and a poll or two").isLessThan(Duration.ofSeconds(4));
        } finally {
            queueService.stop();
        }
    }

    @Test
    void unreachableStreamIsA503Problem() throws Exception {
        HttpResponse<String> response = get("/api/payments/1/stream", bearer(tokens.user(UUID.randomUUID())));
        assertProblem(response, 503, "service-unavailable");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("payment-service");
    }
}
