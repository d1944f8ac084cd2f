package dev.tiketi.gateway;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.infra.InfrastructureEndpoints;
import dev.tiketi.testsupport.InfrastructureInitializer;
import dev.tiketi.testsupport.TestInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class GatewayIntegrationTest extends GatewayTestSupport {

    private static final List<String> SERVICES =
            List.of("user-service", "event-service", "queue-service", "reservation-service", "payment-service");
    private static final Map<String, Downstream> DOWNSTREAMS = new HashMap<>();

    private static final HttpClient HTTP_FOR_STREAMS = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).build();

    @LocalManagementPort
    int managementPort;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @Autowired
    List<HttpHeadersFilter> headersFilters;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        for (String service : SERVICES) {
            Downstream downstream = DOWNSTREAMS.computeIfAbsent(service, Downstream::start);
            registry.add("tiketi.urls." + service, downstream::url);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "GET,  /api/auth/jwks,           none,  user-service",
            "POST, /api/auth/refresh,        none,  user-service",
            "GET,  /api/users/me,            user,  user-service",
            "GET,  /api/admin/users/7,       admin, user-service",
            "GET,  /api/events/7,            none,  event-service",
            "GET,  /api/venues/7,            none,  event-service",
            "GET,  /api/notices/7,           none,  event-service",
            "POST, /api/admin/events,        admin, event-service",
            "GET,  /api/admin/venues/7,      admin, event-service",
            "PUT,  /api/admin/halls/7,       admin, event-service",
            "GET,  /api/admin/notices/7,     admin, event-service",
            "POST, /api/queue/7/enter,       user,  queue-service",
            "GET,  /api/admin/queue/7,       admin, queue-service",
            "GET,  /api/reservations/7,      user,  reservation-service",
            "GET,  /api/seats/7,             user,  reservation-service",
            "GET,  /api/admin/reservations,  admin, reservation-service",
            "GET,  /api/payments/7,          user,  payment-service",
            "GET,  /api/admin/payments,      admin, payment-service"})
    void routesEachAreaToItsService(String method, String path, String caller, String service) throws Exception {
        Map<String, String> headers = switch (caller) {
            case "user" -> bearer(tokens.user(UUID.randomUUID()));
            case "admin" -> bearer(tokens.admin(UUID.randomUUID()));
            default -> Map.of();
        };
        HttpResponse<String> response = send(request(path, headers)
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.service")).isEqualTo(service);
        assertThat(JsonPath.<String>read(response.body(), "$.path")).isEqualTo(path);
        assertThat(JsonPath.<String>read(response.body(), "$.method")).isEqualTo(method);
    }

    @Test
    void downstreamSeesTheTokenAndTheVerifiedIdentityNotTheClaimedOne() throws Exception {
        UUID user = UUID.randomUUID();
        String token = tokens.user(user);
        Map<String, String> headers = new HashMap<>(bearer(token));
        headers.put("X-User-Id", UUID.randomUUID().toString());
        headers.put("x-user-role", "ADMIN");
        headers.put("X-USER-EMAIL", "boss@example.com");
        headers.put("X-User-Impersonate", "admin");
        headers.put("X-Forwarded-For", "203.0.113.9");

        HttpResponse<String> response = get("/api/users/me", headers);

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(JsonPath.<String>read(body, "$.authorization")).isEqualTo("Bearer " + token);
        assertThat(JsonPath.<List<String>>read(body, "$.userIds")).containsExactly(user.toString());
        assertThat(JsonPath.<List<String>>read(body, "$.userRoles")).containsExactly("USER");
        assertThat(JsonPath.<List<String>>read(body, "$.userEmails")).containsExactly(user + "@test.tiketi.dev");
        assertThat(JsonPath.<List<String>>read(body, "$.otherUserHeaders")).isEmpty();
        assertThat(JsonPath.<List<String>>read(body, "$.forwardedFor")).containsExactly("127.0.0.1");
    }

    /**
     * Each headers filter that changes anything copies every header of every request it sees: Spring Cloud Gateway's
     * hygiene filters and one of ours, which applies the identity, client address and trace rules to one copy.
     */
    @Test
    void theProxiedRequestsHeadersPassSpringCloudGatewaysHygieneFiltersAndOneOfOurs() {
        assertThat(headersFilters).extracting(filter -> filter.getClass().getSimpleName())
                .containsExactlyInAnyOrder("RemoveHopByHopHeadersFilter", "RemoveXForwardedHeadersFilter",
                        "RemoveForwardedHeadersFilter", "TransferEncodingNormalizationHeadersFilter",
                        "ProxiedHeadersFilter");
    }

    @Test
    void theServiceIsACallOfTheGatewaysSpanInTheClientsTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String clientSpan = "00f067aa0ba902b7";

        HttpResponse<String> response = get("/api/events/7", Map.of("traceparent", "00-" + traceId + "-" + clientSpan + "-01"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> forwarded = JsonPath.read(response.body(), "$.traceparents");
        assertThat(forwarded).hasSize(1);
        String[] parts = forwarded.getFirst().split("-");
        assertThat(parts).hasSize(4);
        assertThat(parts[1]).as("the client's trace goes on").isEqualTo(traceId);
        assertThat(parts[2]).as("the gateway's own span is the parent").isNotEqualTo(clientSpan).matches("[0-9a-f]{16}");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceThatTheServiceContinues() throws Exception {
        HttpResponse<String> response = get("/api/events/7", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(response.body(), "$.traceparents"))
                .singleElement().asString().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void anonymousRequestsCarryNoIdentity() throws Exception {
        HttpResponse<String> response = get("/api/events/1",
                Map.of("X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "ADMIN"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(response.body(), "$.userIds")).isEmpty();
        assertThat(JsonPath.<List<String>>read(response.body(), "$.userRoles")).isEmpty();
    }

    @Test
    void protectedPathsNeedAToken() throws Exception {
        for (String path : List.of("/api/users/me", "/api/reservations/1", "/api/queue/1/status", "/api/admin/events")) {
            HttpResponse<String> response = get(path, Map.of("X-User-Id", UUID.randomUUID().toString()));
            assertProblem(response, 401, "authentication-required");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertProblem(post("/api/events/1", "{}", Map.of()), 401, "authentication-required");
    }

    @Test
    void adminPathsNeedTheAdminRole() throws Exception {
        assertProblem(get("/api/admin/reservations", bearer(tokens.user(UUID.randomUUID()))), 403, "access-denied");
        assertThat(get("/api/admin/reservations", bearer(tokens.admin(UUID.randomUUID()))).statusCode()).isEqualTo(200);
    }

    @Test
    void forgedExpiredAndTamperedTokensAreRefused() throws Exception {
        UUID user = UUID.randomUUID();
        for (String token : List.of(tokens.signedByAnotherKey(user), tokens.unsigned(user), tokens.expired(user),
                tokens.withTamperedRole(user), tokens.withIssuer(user, "someone-else"), "not-a-jwt")) {
            HttpResponse<String> response = get("/api/admin/users", bearer(token));
            assertProblem(response, 401, "invalid-token");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void aJweShapedTokenIsInvalidNotAnOutage() throws Exception {
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}".getBytes());
        for (String token : List.of(header + ".a2V5.aXY.Y2lwaGVy.dGFn", header + "..aXY.Y2lwaGVy.dGFn", "a.b", "a..b",
                ".a.b", "a.b.c.d")) {
            HttpResponse<String> response = get("/api/users/me", bearer(token));
            assertProblem(response, 401, "invalid-token");
        }
    }

    @Test
    void aMalformedOriginIsRefusedAsAProblemNotA500() throws Exception {
        for (String origin : List.of("http://localhost:5173.evil.example", "http://localhost:99999", "null",
                "http://[::1", "javascript:alert(1)", "http://user@localhost:5173", "http://localhost:5173/path")) {
            for (String path : List.of("/api/events/1", "/api/users/me", "/", "/api/nothing-here")) {
                assertProblem(get(path, Map.of("Origin", origin)), 403, "cors-rejected");
            }
        }
    }

    @Test
    void theCircuitBreakerFallbackIsNotARouteOfItsOwn() throws Exception {
        for (String path : List.of("/fallback/user-service", "/fallback/payment-service", "/fallback/x")) {
            assertProblem(get(path, Map.of()), 404, "not-found");
            assertProblem(post(path, "{}", Map.of()), 404, "not-found");
        }
    }

    @Test
    void overLongAddressesAndHeadersAreProblems() throws Exception {
        assertProblem(get("/api/events?keyword=" + "a".repeat(10_000), Map.of()), 414, "uri-too-long");
        assertProblem(get("/api/events/" + "a".repeat(20_000), Map.of()), 414, "uri-too-long");
        assertProblem(get("/api/events/1", Map.of("X-Padding", "p".repeat(20_000))), 431, "headers-too-large");
        assertThat(get("/api/events?keyword=" + "a".repeat(3_000), Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressThatIsNotAValidUriIsAProblemNotABare400() throws Exception {
        for (String target : List.of("/api/events/%zz", "/api/events/%", "/api/events?keyword=%", "/api/x%4")) {
            String answer;
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("application/problem+json")
                    .contains("\"code\":\"request-rejected\"");
        }
    }

    @Test
    void loggedOutTokenIsRefusedWithinTwoSeconds() throws Exception {
        String jti = UUID.randomUUID().toString();
        String token = tokens.withJti(UUID.randomUUID(), jti);
        assertThat(get("/api/users/me", bearer(token)).statusCode()).isEqualTo(200);
        revoke("auth:blacklist:" + jti, "1", "jti", jti);
        assertRefusedWithinTwoSeconds(token);
    }

    @Test
    void tokensIssuedBeforeTheirUsersRevocationCutoffAreRefusedWithinTwoSeconds() throws Exception {
        UUID user = UUID.randomUUID();
        String token = tokens.user(user);
        assertThat(get("/api/users/me", bearer(token)).statusCode()).isEqualTo(200);
        // what user-service records on a password change: every token issued before now is revoked
        String cutoff = Long.toString(Instant.now().getEpochSecond() + 1);
        revoke("auth:revoked-before:" + user, cutoff, "user", user.toString(), "before", cutoff);
        assertRefusedWithinTwoSeconds(token);
        assertThat(get("/api/users/me", bearer(tokens.user(UUID.randomUUID()))).statusCode()).isEqualTo(200);
    }

    /** As user-service's AccessTokenBlacklist records a revocation: the entry, and the stream the gateway follows. */
    private static void revoke(String key, String value, String... fields) {
        try (Jedis redis = redis()) {
            redis.setex(key, 60, value);
            Map<String, String> entry = new HashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                entry.put(fields[i], fields[i + 1]);
            }
            redis.xadd("auth:revocations", StreamEntryID.NEW_ENTRY, entry);
        }
    }

    private void assertRefusedWithinTwoSeconds(String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        HttpResponse<String> response = get("/api/users/me", bearer(token));
        while (response.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            response = get("/api/users/me", bearer(token));
        }
        assertProblem(response, 401, "invalid-token");
        assertProblem(get("/api/users/me", bearer(token)), 401, "invalid-token");
    }

    @Test
    void aRequestWithATokenCostsNoRedisCallOfItsOwn() throws Exception {
        String token = tokens.user(UUID.randomUUID());
        assertThat(get("/api/queue/7/status", bearer(token)).statusCode()).isEqualTo(200);
        try (Jedis redis = redis()) {
            Map<String, Long> before = commandCalls(redis);
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = get("/api/queue/7/status", bearer(token));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(58 - i));
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            Map<String, Long> after = commandCalls(redis);
            long scripts = after.getOrDefault("evalsha", 0L) - before.getOrDefault("evalsha", 0L)
                    + after.getOrDefault("eval", 0L) - before.getOrDefault("eval", 0L);
            // the counts go to Redis once per sync interval (100 ms), whatever the requests
            assertThat(scripts).isLessThanOrEqualTo(elapsedMillis / 100 + 2).isLessThan(20);
            assertThat(after.getOrDefault("mget", 0L)).isEqualTo(before.getOrDefault("mget", 0L));
        }
    }

    @Test
    void aRevokedTokensRequestsDoNotUseUpItsUsersRateLimit() throws Exception {
        UUID user = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        String token = tokens.withJti(user, jti);
        String counter = "gateway:rate:queue-status:user:" + user;
        assertThat(get("/api/queue/7/status", bearer(token)).statusCode()).isEqualTo(200);
        revoke("auth:blacklist:" + jti, "1", "jti", jti);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (get("/api/queue/7/status", bearer(token)).statusCode() == 200) {
            assertThat(System.nanoTime()).as("refused within 2 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        try (Jedis redis = redis()) {
            Thread.sleep(300);
            String counted = redis.get(counter);
            for (int i = 0; i < 3; i++) {
                assertProblem(get("/api/queue/7/status", bearer(token)), 401, "invalid-token");
            }
            Thread.sleep(300);
            assertThat(redis.get(counter)).isEqualTo(counted);
        }
    }

    /** Calls per command name since the Redis server started (INFO commandstats). */
    private static Map<String, Long> commandCalls(Jedis redis) {
        Map<String, Long> calls = new HashMap<>();
        Matcher line = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)").matcher(redis.info("commandstats"));
        while (line.find()) {
            calls.put(line.group(1), Long.parseLong(line.group(2)));
        }
        return calls;
    }

    @Test
    void internalAndActuatorPathsOfServicesAreNotRouted() throws Exception {
        Map<String, String> admin = bearer(tokens.admin(UUID.randomUUID()));
        for (String path : List.of("/internal/events/1/seats/sold", "/actuator/health", "/actuator/prometheus",
                "/api/internal/events/1", "/api/nothing-here")) {
            assertProblem(get(path, admin), 404, "not-found");
        }
        HttpResponse<String> traversal = get("/api/events/..%2F..%2Finternal%2Fevents%2F1", admin);
        assertThat(traversal.statusCode()).isIn(400, 404);
        assertThat(traversal.body()).doesNotContain("event-service");
    }

    @Test
    void actuatorIsOnTheManagementPort() throws Exception {
        var readiness = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(readiness.body(), "$.components.redis.status")).isEqualTo("UP");
        var liveness = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
        var prometheus = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"gateway\"");
    }

    @Test
    void loginIsLimitedPerClientAddressWhateverXForwardedForSays() throws Exception {
        try (Jedis redis = redis()) {
            redis.del("gateway:rate:login:ip:127.0.0.1");
        }
        for (int i = 1; i <= 10; i++) {
            var response = post("/api/auth/login", "{}", Map.of("X-Forwarded-For", "198.51.100." + i));
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
        }
        HttpResponse<String> refused = post("/api/auth/login", "{}", Map.of("X-Forwarded-For", "198.51.100.99"));
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertProblem(post("/api/auth/register", "{}", Map.of()), 429, "rate-limited");
    }

    @Test
    void holdAndPayAreLimitedPerUser() throws Exception {
        String alice = tokens.user(UUID.randomUUID());
        String bob = tokens.user(UUID.randomUUID());
        for (int i = 1; i <= 20; i++) {
            String path = i % 2 == 0 ? "/api/reservations" : "/api/payments";
            assertThat(post(path, "{}", bearer(alice)).statusCode()).as("request %d", i).isEqualTo(200);
        }
        assertProblem(post("/api/reservations", "{}", bearer(alice)), 429, "rate-limited");
        assertThat(post("/api/reservations", "{}", bearer(bob)).statusCode()).isEqualTo(200);
        assertThat(get("/api/reservations/1", bearer(alice)).statusCode()).isEqualTo(200);
    }

    @Test
    void slowServiceGivesAGatewayTimeoutProblem() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/reservations/1/slow", bearer(tokens.user(UUID.randomUUID())));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertProblem(response, 504, "upstream-timeout");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("reservation-service");
        assertThat(elapsedMillis).isLessThan(Downstream.SLOW_MILLIS);
    }

    @Test
    void slowAnswersAloneDoNotOpenTheBreaker() throws Exception {
        // a saturated but working service answers late; turning that into refusals for everyone would make it worse
        String user = tokens.user(UUID.randomUUID());
        for (int i = 0; i < 12; i++) {
            assertProblem(get("/api/admin/reservations/slow", bearer(tokens.admin(UUID.randomUUID()))), 504,
                    "upstream-timeout");
        }
        assertThat(get("/api/reservations/1", bearer(user)).statusCode()).as("not refused").isEqualTo(200);
        assertThat(circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("reservation-service").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void serverSentEventsStreamBeyondTheResponseTimeout() throws Exception {
        long started = System.nanoTime();
        HttpResponse<Stream<String>> response = HTTP_FOR_STREAMS.send(
                request("/api/seats/7/stream", Map.of("Authorization", "Bearer " + tokens.user(UUID.randomUUID()),
                        "Accept", "text/event-stream")).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> events = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            lines.filter(line -> line.startsWith("data:")).forEach(events::add);
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(events).hasSize(Downstream.STREAM_EVENTS);
        assertThat(elapsedMillis).isGreaterThan(1_000); // well past the 500 ms response timeout of this test
    }

    @Test
    void corsEchoesOnlyAllowedOrigins() throws Exception {
        HttpResponse<String> preflight = send(request("/api/reservations", Map.of(
                "Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));

        HttpResponse<String> simple = get("/api/events", Map.of("Origin", "http://localhost:5173"));
        assertThat(simple.statusCode()).isEqualTo(200);
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");

        HttpResponse<String> evilPreflight = send(request("/api/reservations", Map.of(
                "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(evilPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertProblem(evilPreflight, 403, "cors-rejected");
        HttpResponse<String> evil = get("/api/events", Map.of("Origin", "https://evil.example"));
        assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anAnswerTheServiceMarksPublicIsServedByTheGatewayForItsMaxAge() throws Exception {
        String path = "/api/events/" + UUID.randomUUID() + "/shared";
        Downstream events = DOWNSTREAMS.get("event-service");

        HttpResponse<String> first = get(path, Map.of("Origin", "http://localhost:5173"));
        HttpResponse<String> second = get(path, bearer(tokens.user(UUID.randomUUID())));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).as("the kept answer").isEqualTo(first.body());
        assertThat(JsonPath.<Integer>read(second.body(), "$.seen")).isEqualTo(1);
        assertThat(events.requests(path)).isEqualTo(1);
        assertThat(second.headers().firstValue("Age")).hasValue("0");
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("public, max-age=3");
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
        // this request's own headers, not those of the request that filled the cache
        assertThat(second.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(second.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(second.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> fromTheDevServer = get(path, Map.of("Origin", "http://localhost:5173"));
        assertThat(JsonPath.<Integer>read(fromTheDevServer.body(), "$.seen")).isEqualTo(1);
        assertThat(fromTheDevServer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");

        assertThat(JsonPath.<Integer>read(get(path + "?page=1", Map.of()).body(), "$.seen"))
                .as("another query is another answer").isEqualTo(1);
        assertThat(JsonPath.<Integer>read(get(path, Map.of("Accept-Encoding", "gzip")).body(), "$.seen"))
                .as("another encoding is another representation").isEqualTo(2);
        assertThat(post(path, "{}", bearer(tokens.admin(UUID.randomUUID()))).statusCode()).isEqualTo(200);
        assertThat(events.requests(path)).as("a POST is not answered from the cache").isEqualTo(3);

        Thread.sleep(3_100);
        assertThat(JsonPath.<Integer>read(get(path, Map.of()).body(), "$.seen"))
                .as("after its max-age the service is asked again").isEqualTo(4);
    }

    @Test
    void aWaitingRoomsProgressFigureIsPublicAndServedFromTheSharedCache() throws Exception {
        String path = "/api/queue/" + UUID.randomUUID() + "/progress";

        HttpResponse<String> first = get(path, Map.of());
        HttpResponse<String> second = get(path, Map.of());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(first.body(), "$.service")).isEqualTo("queue-service");
        assertThat(JsonPath.<Integer>read(second.body(), "$.seen")).as("kept by the gateway").isEqualTo(1);
        assertThat(DOWNSTREAMS.get("queue-service").requests(path)).isEqualTo(1);
        assertThat(second.headers().firstValue("Age")).hasValue("0");
        assertThat(second.headers().firstValue("X-RateLimit-Limit")).as("counted per address, not per user")
                .hasValue("600");
        // only the figure is public: the rest of the waiting room still needs a token
        assertProblem(get(path.replace("/progress", "/status"), Map.of()), 401, "authentication-required");
        assertProblem(post(path, "{}", Map.of()), 401, "authentication-required");
    }

    @Test
    void anAnswerNotMarkedPublicOrFromARouteWithoutTheSharedCacheIsNeverKept() throws Exception {
        String path = "/api/events/" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            assertThat(JsonPath.<Integer>read(get(path, Map.of()).body(), "$.seen")).isEqualTo(i);
        }
        assertThat(DOWNSTREAMS.get("event-service").requests(path)).isEqualTo(3);

        String queuePath = "/api/queue/" + UUID.randomUUID() + "/shared";
        String token = tokens.user(UUID.randomUUID());
        for (int i = 1; i <= 2; i++) {
            assertThat(JsonPath.<Integer>read(get(queuePath, bearer(token)).body(), "$.seen")).isEqualTo(i);
        }
    }

    @Test
    void securityHeadersAreOnEveryResponse() throws Exception {
        for (HttpResponse<String> response : List.of(
                get("/", Map.of("Accept", "text/html")),
                get("/api/events/1", Map.of()),
                get("/api/users/me", Map.of()))) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Strict-Transport-Security")).isPresent();
            assertThat(headers.firstValue("Permissions-Policy")).isPresent();
        }
    }

    @Test
    void theSpaIsServedAtTheRootAndForItsClientSideRoutes() throws Exception {
        HttpResponse<String> root = get("/", Map.of("Accept", "text/html"));
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("<title>TIKETI</title>").contains("<div id=\"root\">");
        // the page names the web app's hashed bundle, which the gateway serves from the frontend module's jar
        Matcher bundle = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(root.body());
        assertThat(bundle.find()).as(root.body()).isTrue();
        HttpResponse<String> script = get(bundle.group(1), Map.of());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        HttpResponse<String> deepLink = get("/events/42/seats", Map.of("Accept", "text/html"));
        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(root.body());
        assertThat(get("/favicon.svg", Map.of()).statusCode()).isEqualTo(200);
        assertProblem(get("/assets/missing.js", Map.of()), 404, "not-found");
        assertProblem(get("/api/no-such-area", Map.of("Accept", "text/html",
                "Authorization", "Bearer " + tokens.user(UUID.randomUUID()))), 404, "not-found");
    }

    @Test
    void wrongMethodOnAStaticFileIsA405Problem() throws Exception {
        assertProblem(post("/favicon.svg", "{}", Map.of()), 405, "method-not-allowed");
    }

    @Test
    void hugeBodiesAreRefusedWithA413Problem() throws Exception {
        Map<String, String> auth = bearer(tokens.user(UUID.randomUUID()));
        String huge = "{\"note\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(post("/api/users/me", huge, auth), 413, "request-too-large");
        HttpResponse<String> chunked = send(request("/api/users/me", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()))));
        assertProblem(chunked, 413, "request-too-large");
        HttpResponse<String> smallChunked = send(request("/api/users/me", auth)
                .header("Content-Type", "application/json")
                .method("PUT", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{}".getBytes()))));
        assertThat(smallChunked.statusCode()).isEqualTo(200);
    }

    private static Jedis redis() {
        InfrastructureEndpoints endpoints = TestInfrastructure.endpoints();
        return new Jedis(endpoints.redisHost(), endpoints.redisPort());
    }
}
