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

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that is down: clear 503 problems, and the breaker opens so the gateway stops trying. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "tiketi.gateway.circuit-breaker.sliding-window-size=4",
        "tiketi.gateway.circuit-breaker.minimum-number-of-calls=4",
        "tiketi.gateway.circuit-breaker.wait-duration-in-open-state=60s"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class GatewayResilienceTest extends GatewayTestSupport {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @DynamicPropertySource
    static void deadPaymentService(DynamicPropertyRegistry registry) {
        String dead = Downstream.deadUrl();
        registry.add("tiketi.urls.payment-service", () -> dead);
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
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isPositive();
    }

    @Test
    void unreachableStreamIsA503Problem() throws Exception {
        HttpResponse<String> response = get("/api/payments/1/stream", bearer(tokens.user(UUID.randomUUID())));
        assertProblem(response, 503, "service-unavailable");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("payment-service");
    }
}
