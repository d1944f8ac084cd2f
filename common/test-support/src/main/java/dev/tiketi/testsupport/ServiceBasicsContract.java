package dev.tiketi.testsupport;

import com.jayway.jsonpath.JsonPath;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every servlet service must do whatever its features: probes that check its real dependencies,
 * Prometheus metrics, its own token checks (never trusting a header), and RFC 9457 problems for every
 * client mistake. A service's test extends this and names the dependencies its readiness checks.
 */
@Import(ServiceBasicsContract.ProbeController.class)
public abstract class ServiceBasicsContract {

    @LocalServerPort
    protected int port;

    protected final TestTokens tokens = TestTokens.instance();

    /** Health components the readiness group must include, e.g. {@code db}, {@code redis}, {@code kafka}. */
    protected abstract List<String> readinessDependencies();

    protected abstract String applicationName();

    @Test
    void readinessIsUpAndChecksEveryDependency() throws Exception {
        var response = get("/actuator/health/readiness", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
        Map<String, Object> components = JsonPath.read(response.body(), "$.components");
        assertThat(components).containsKeys(readinessDependencies().toArray(String[]::new));
        for (String dependency : readinessDependencies()) {
            assertThat(JsonPath.<String>read(response.body(), "$.components." + dependency + ".status")).isEqualTo("UP");
        }
    }

    @Test
    void livenessIsUp() throws Exception {
        var response = get("/actuator/health/liveness", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreTaggedWithTheApplication() throws Exception {
        get("/actuator/health/liveness", Map.of());
        var response = get("/actuator/prometheus", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes")
                .contains("application=\"" + applicationName() + "\"");
    }

    @Test
    void openApiDescriptionIsPublished() throws Exception {
        var response = get("/v3/api-docs", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.openapi")).startsWith("3.");
    }

    @Test
    void unknownPathIsA404Problem() throws Exception {
        var response = get("/no/such/path", bearer(tokens.user(UUID.randomUUID())));
        assertProblem(response, 404, "not-found");
    }

    @Test
    void requestWithoutTokenIsA401Problem() throws Exception {
        var response = get("/no/such/path", Map.of());
        assertProblem(response, 401, "authentication-required");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void forgedExpiredAndTamperedTokensAreRefused() throws Exception {
        UUID user = UUID.randomUUID();
        for (String token : List.of(tokens.signedByAnotherKey(user), tokens.unsigned(user), tokens.expired(user),
                tokens.withTamperedRole(user), tokens.withIssuer(user, "someone-else"), "not-a-jwt")) {
            assertProblem(get("/no/such/path", bearer(token)), 401, "invalid-token");
        }
    }

    @Test
    void identityHeadersAloneAreNotTrusted() throws Exception {
        var response = get("/no/such/path", Map.of("X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "ADMIN"));
        assertProblem(response, 401, "authentication-required");
    }

    @Test
    void blacklistedTokenIsRefused() throws Exception {
        String jti = UUID.randomUUID().toString();
        String token = tokens.withJti(UUID.randomUUID(), jti);
        assertThat(get("/no/such/path", bearer(token)).statusCode()).isEqualTo(404);
        var endpoints = TestInfrastructure.endpoints();
        try (Jedis redis = new Jedis(endpoints.redisHost(), endpoints.redisPort())) {
            // what user-service records on a logout: the entry, and the same on the stream every service mirrors
            redis.setex("auth:blacklist:" + jti, 60, "1");
            redis.xadd("auth:revocations", StreamEntryID.NEW_ENTRY, Map.of("jti", jti));
        }
        // a service reads the revocations into memory and must know this one within 2 s (common-security's
        // RevocationMirror), then refuse the token from there on
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        HttpResponse<String> response = get("/no/such/path", bearer(token));
        while (response.statusCode() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = get("/no/such/path", bearer(token));
        }
        assertProblem(response, 401, "invalid-token");
        assertProblem(get("/no/such/path", bearer(token)), 401, "invalid-token");
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        assertProblem(post("{\"name\": ", "application/json"), 400, "malformed-request");
    }

    @Test
    void wrongJsonTypeIsA400ProblemNamingTheField() throws Exception {
        var response = post("{\"name\":\"a\",\"quantity\":\"many\"}", "application/json");
        assertProblem(response, 400, "malformed-request");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("quantity");
    }

    @Test
    void aFractionForAnIntegerFieldIsRefusedNotRounded() throws Exception {
        var response = post("{\"name\":\"a\",\"quantity\":1.5}", "application/json");
        assertProblem(response, 400, "malformed-request");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("quantity");
    }

    @Test
    void invalidFieldsAreA400ProblemWithFieldErrors() throws Exception {
        var response = post("{\"name\":\"\",\"quantity\":-1}", "application/json");
        assertProblem(response, 400, "validation-failed");
        List<String> fields = JsonPath.read(response.body(), "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("name", "quantity");
    }

    @Test
    void wrongMediaTypeIsA415Problem() throws Exception {
        assertProblem(post("name=a", "application/x-www-form-urlencoded"), 415, "unsupported-media-type");
    }

    @Test
    void wrongMethodIsA405Problem() throws Exception {
        var response = send(HttpRequest.newBuilder(uri(ProbeController.PATH))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()), bearer(tokens.user(UUID.randomUUID())));
        assertProblem(response, 405, "method-not-allowed");
    }

    @Test
    void hugeBodyIsA413Problem() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"quantity\":1}";
        assertProblem(post(huge, "application/json"), 413, "request-too-large");
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String code) {
        TestHttp.assertProblem(response, status, code);
    }

    protected Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    protected HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    private HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(ProbeController.PATH))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), bearer(tokens.user(UUID.randomUUID())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        return TestHttp.send(request.build());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A JSON endpoint that exists only in tests, to provoke the framework's client errors. */
    @RestController
    static class ProbeController {
        static final String PATH = "/test-probe/orders";

        @PostMapping(PATH)
        ProbeOrder create(@Valid @RequestBody ProbeOrder order) {
            return order;
        }
    }

    record ProbeOrder(@NotBlank String name, @Min(0) int quantity) {
    }
}
