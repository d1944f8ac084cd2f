package dev.tiketi.gateway.ratelimit;

import dev.tiketi.testsupport.InfrastructureInitializer;
import dev.tiketi.security.RevocationMirror;
import dev.tiketi.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request goes on on its own connection's event loop, never on Lettuce's one thread (which would serialise
 * every request of the gateway there), also when the token check has to ask Redis because the revocation mirror
 * is behind: a probe filter right after {@link RateLimitFilter} answers with the name of the thread it runs on, for
 * a request counted by the token check and for one counted by the filter itself (no token, per-IP rule).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class RateLimitThreadTest {

    private static final String THREAD_HEADER = "X-Test-Thread";

    @LocalServerPort
    int port;

    @Autowired
    RevocationMirror revocations;

    @TestConfiguration
    static class Probe {

        @Bean
        @Order(1)
        WebFilter threadProbe() {
            return (exchange, chain) -> {
                if (!exchange.getRequest().getPath().value().endsWith("/thread-probe")) {
                    return chain.filter(exchange);
                }
                exchange.getResponse().getHeaders().set(THREAD_HEADER, Thread.currentThread().getName());
                exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
                return Mono.empty();
            };
        }
    }

    @Test
    void aTokenCheckedRequestGoesOnOnTheServersEventLoop() throws Exception {
        HttpResponse<Void> response = get("/api/queue/thread-probe",
                "Bearer " + TestTokens.instance().user(UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(response.headers().firstValue(THREAD_HEADER)).hasValueSatisfying(thread ->
                assertThat(thread).doesNotContain("lettuce").contains("http"));
    }

    @Test
    void aTokenCheckedRequestGoesOnOnTheServersEventLoopWhenRevocationsAreAskedOfRedis() throws Exception {
        revocations.stop();
        try {
            assertThat(revocations.isCurrent()).isFalse();
            HttpResponse<Void> response = get("/api/queue/thread-probe",
                    "Bearer " + TestTokens.instance().user(UUID.randomUUID()));

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().firstValue(THREAD_HEADER)).hasValueSatisfying(thread ->
                    assertThat(thread).doesNotContain("lettuce").contains("http"));
        } finally {
            revocations.start();
        }
    }

    @Test
    void aRequestCountedByAddressGoesOnOnTheServersEventLoop() throws Exception {
        HttpResponse<Void> response = get("/api/events/thread-probe", null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(response.headers().firstValue(THREAD_HEADER)).hasValueSatisfying(thread ->
                assertThat(thread).doesNotContain("lettuce").contains("http"));
    }

    private HttpResponse<Void> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        }
    }
}
