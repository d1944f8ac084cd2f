package dev.tiketi.e2e;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.infra.ServiceDatabase;
import dev.tiketi.platform.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Hundreds of hostile requests, generated from every service's OpenAPI description (so a new endpoint is
 * covered without touching this class), sent through the gateway and to each service's own port: malformed and
 * huge bodies, wrong types, overflowing numbers, NUL and invalid Unicode, injection strings, bad
 * percent-encoding, long addresses and headers, forged and foreign tokens, spoofed identity and forwarding
 * headers, other users' ids, admin and internal routes as a user. Every answer must be a 4xx
 * {@code application/problem+json}, the services' data must be unchanged afterwards, and no service may log
 * an ERROR for any of it.
 */
@ExtendWith(PlatformExtension.class)
class HostileInputE2ETest {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    /** Path segments no id can be: bad escapes, invalid UTF-8, traversal, injection, overflow, a fragment. */
    private static final List<String> HOSTILE_SEGMENTS = List.of("%00", "a%00b", "%FF%FE", "%ED%A0%80", "%C0%AF",
            "..%2f..%2finternal", "%2f", "x%2Fy", "a#b", "%zz", "%", "%27%20OR%201%3D1--", "%3Cscript%3E",
            "99999999999999999999999999", "-1", "%E2%80%AE", "a".repeat(2_000));
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("%00", "%FF%FE", "%ED%A0%80", "%C0%AF", "%",
            "a%07b");
    private static final List<String> OVERFLOWING_NUMBERS = List.of("99999999999999999999999", "1e400", "-1e400");
    private static final List<String> MALFORMED_BODIES = List.of("{", "{\"a\":1,}", "\"just a string\"", "[1,2",
            "{\"a\":\"\\u0000\"", "\u0000", "[".repeat(3_000) + "]".repeat(3_000));
    private static final List<String> IGNORED_TABLES = List.of("login_history", "refresh_tokens", "outbox",
            "processed_events", "flyway_schema_history", "shedlock");

    @Test
    void hostileRequestsAreRefusedAsProblemsAndChangeNothing(PlatformUnderTest platform) throws Exception {
        long started = System.nanoTime();
        List<Operation> operations = operations(platform);
        assertThat(operations).as("operations described by the services").hasSizeGreaterThan(30);
        List<Case> cases = new Generator(platform).cases(operations);
        Map<String, String> before = fingerprint(platform);
        Map<String, Long> logOffsets = logOffsets(platform);

        List<String> failures = run(cases);

        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
        assertThat(fingerprint(platform)).as("the services' data").isEqualTo(before);
        assertThat(errorLogLines(platform, logOffsets)).as("ERROR lines logged for client mistakes").isEmpty();
        System.out.printf("[hostile] %d cases over %d operations in %d s%n", cases.size(), operations.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @Test
    void everyProcessListensOnLoopbackOnly(PlatformUnderTest platform) throws Exception {
        List<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(HostileInputE2ETest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        assumeFalse(external.isEmpty(), "this machine has no address other than loopback to try");
        List<String> urls = new ArrayList<>(List.of(platform.platform().gatewayUrl()));
        platform.platform().services().stream().filter(service -> service.endsWith("-service"))
                .forEach(service -> urls.add(platform.platform().serviceUrl(service)));
        for (String url : urls) {
            int port = URI.create(url).getPort();
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(loopback.isConnected()).as(url + " on loopback").isTrue();
            }
            for (InetAddress address : external) {
                assertThatExceptionOfType(ConnectException.class).as(url + " on " + address)
                        .isThrownBy(() -> new Socket(address, port).close());
            }
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    /** One operation of one service, from its /v3/api-docs. */
    record Operation(String service, String method, String path, List<String> queryParameters,
                     List<String> integerQueryParameters, Map<String, String> bodyProperties, boolean hasBody) {

        boolean isAdmin() {
            return path.startsWith("/api/admin");
        }

        boolean isInternal() {
            return path.startsWith("/internal");
        }

        boolean isPublic() {
            boolean publicRead = method.equals("GET") && (path.startsWith("/api/events") || path.startsWith("/api/venues")
                    || path.startsWith("/api/notices") || path.equals("/api/auth/jwks") || path.startsWith("/.well-known"));
            boolean signIn = method.equals("POST") && path.matches("/api/auth/(register|login|refresh)");
            return publicRead || signIn;
        }
    }

    record Case(String description, String baseUrl, String method, String target, Map<String, String> headers,
                byte[] body) {
    }

    private static List<Operation> operations(PlatformUnderTest platform) {
        List<Operation> operations = new ArrayList<>();
        for (String service : platform.platform().services()) {
            if (!service.endsWith("-service")) {
                continue;
            }
            Api.Reply docs = platform.service(service).get("/v3/api-docs", null);
            assertThat(docs.status()).as(service + " /v3/api-docs").isEqualTo(200);
            Map<String, Map<String, Object>> paths = JsonPath.read(docs.body(), "$.paths");
            paths.forEach((path, methods) -> methods.forEach((method, operation) ->
                    operations.add(operation(docs.body(), service, method.toUpperCase(), path, operation))));
        }
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Operation operation(String docs, String service, String method, String path, Object described) {
        Map<String, Object> operation = (Map<String, Object>) described;
        List<String> query = new ArrayList<>();
        List<String> integers = new ArrayList<>();
        for (Object parameter : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> p = (Map<String, Object>) parameter;
            if ("query".equals(p.get("in"))) {
                query.add((String) p.get("name"));
                Map<String, Object> schema = (Map<String, Object>) p.getOrDefault("schema", Map.of());
                if ("integer".equals(schema.get("type")) || "number".equals(schema.get("type"))) {
                    integers.add((String) p.get("name"));
                }
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Object body = operation.get("requestBody");
        if (body != null) {
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) body).getOrDefault("content", Map.of());
            Map<String, Object> json = (Map<String, Object>) content.values().stream().findFirst().orElse(Map.of());
            Map<String, Object> schema = (Map<String, Object>) json.getOrDefault("schema", Map.of());
            Object reference = schema.get("$ref");
            if (reference instanceof String ref && ref.startsWith("#/components/schemas/")) {
                schema = JsonPath.read(docs, "$.components.schemas['" + ref.substring("#/components/schemas/".length()) + "']");
            }
            Map<String, Object> schemaProperties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            schemaProperties.forEach((name, property) -> {
                Map<String, Object> p = (Map<String, Object>) property;
                properties.put(name, String.valueOf(p.getOrDefault("type", p.containsKey("$ref") ? "object" : "string")));
            });
        }
        return new Operation(service, method, path, query, integers, properties, body != null);
    }

    /** Builds the cases: for each operation and each place it can be reached, every family of hostile request. */
    private static final class Generator {

        private final PlatformUnderTest platform;
        private final String user;
        private final String admin;
        private final Map<String, String> forgedTokens = new LinkedHashMap<>();
        private final List<Case> cases = new ArrayList<>();

        Generator(PlatformUnderTest platform) {
            this.platform = platform;
            this.user = platform.token(UUID.randomUUID(), "USER");
            this.admin = platform.token(UUID.randomUUID(), "ADMIN");
            UUID someone = UUID.randomUUID();
            Instant later = Instant.now().plusSeconds(600);
            forgedTokens.put("alg none", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                    + base64(SigningKey.accessTokenClaims(someone, "ADMIN", later).toString()) + ".");
            forgedTokens.put("wrong key", SigningKey.generate().sign(SigningKey.accessTokenClaims(someone, "ADMIN", later)));
            forgedTokens.put("expired", platform.signingKey()
                    .sign(SigningKey.accessTokenClaims(someone, "ADMIN", Instant.now().minusSeconds(600))));
            forgedTokens.put("JWE-shaped", base64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}") + ".a2V5.aXY.Y2lw.dGFn");
            forgedTokens.put("garbage", "not-a-token");
            forgedTokens.put("role tampered", tamperRole(platform.token(someone, "USER")));
        }

        List<Case> cases(List<Operation> operations) {
            for (Operation operation : operations) {
                for (String base : bases(operation)) {
                    pathCases(operation, base);
                    queryCases(operation, base);
                    bodyCases(operation, base);
                    tokenCases(operation, base);
                    roleCases(operation, base);
                }
            }
            for (String service : platform.platform().services()) {
                if (service.endsWith("-service")) {
                    addressCases(platform.platform().serviceUrl(service), service);
                    operatorCases(platform.platform().serviceUrl(service), service);
                }
            }
            addressCases(platform.platform().gatewayUrl(), "gateway");
            add("gateway /fallback", platform.platform().gatewayUrl(), "GET", "/fallback/user-service", Map.of(), null);
            add("gateway origin", platform.platform().gatewayUrl(), "GET", "/api/events",
                    Map.of("Origin", "http://localhost:5173.evil.example"), null);
            return cases;
        }

        private List<String> bases(Operation operation) {
            List<String> bases = new ArrayList<>(List.of(platform.platform().serviceUrl(operation.service())));
            if (operation.path().startsWith("/api/")) {
                bases.add(platform.platform().gatewayUrl());
            }
            return bases;
        }

        private void pathCases(Operation operation, String base) {
            if (!PATH_PARAMETER.matcher(operation.path()).find()) {
                return;
            }
            for (String segment : HOSTILE_SEGMENTS) {
                add(describe(operation, base, "path " + abbreviate(segment)), base, operation.method(),
                        withPath(operation, segment), bearer(rightfulToken(operation)), jsonBodyIfAny(operation, "{}"));
            }
            // someone else's (or nobody's) id without signing in
            add(describe(operation, base, "foreign id, anonymous"), base, operation.method(),
                    withPath(operation, UUID.randomUUID().toString()), Map.of(), jsonBodyIfAny(operation, "{}"));
        }

        private void queryCases(Operation operation, String base) {
            for (String parameter : operation.queryParameters()) {
                List<String> values = new ArrayList<>(HOSTILE_QUERY_VALUES);
                if (operation.integerQueryParameters().contains(parameter)) {
                    values.addAll(OVERFLOWING_NUMBERS);
                }
                for (String value : values) {
                    add(describe(operation, base, "query " + parameter + "=" + value), base, operation.method(),
                            withPath(operation, UUID.randomUUID().toString()) + "?" + parameter + "=" + value,
                            bearer(rightfulToken(operation)), jsonBodyIfAny(operation, "{}"));
                }
            }
        }

        private void bodyCases(Operation operation, String base) {
            if (!operation.hasBody()) {
                return;
            }
            String target = withPath(operation, UUID.randomUUID().toString());
            Map<String, String> headers = bearer(rightfulToken(operation));
            for (String body : MALFORMED_BODIES) {
                add(describe(operation, base, "body " + abbreviate(body)), base, operation.method(), target, headers,
                        json(body));
            }
            add(describe(operation, base, "huge body"), base, operation.method(), target, headers,
                    json("{\"a\":\"" + "x".repeat(1_200_000) + "\"}"));
            add(describe(operation, base, "wrong content type"), base, operation.method(), target,
                    merge(headers, Map.of("Content-Type", "text/xml")), "<a/>".getBytes(StandardCharsets.UTF_8));
            operation.bodyProperties().forEach((property, type) -> {
                List<String> values = new ArrayList<>(List.of("\"a\\u0000b\"", "\"half \\ud800 pair\"", "\"\\u001b[31m\"",
                        "{\"$gt\":\"\"}"));
                if (type.equals("integer") || type.equals("number")) {
                    values.addAll(OVERFLOWING_NUMBERS);
                    values.add("\"12abc\"");
                }
                if (type.equals("array")) {
                    values.add("\"" + "x".repeat(10) + "\"");
                }
                for (String value : values) {
                    add(describe(operation, base, "body " + property + "=" + abbreviate(value)), base, operation.method(),
                            target, merge(headers, Map.of("Content-Type", "application/json")),
                            ("{\"" + property + "\":" + value + "}").getBytes(StandardCharsets.UTF_8));
                }
            });
        }

        private void tokenCases(Operation operation, String base) {
            String target = withPath(operation, UUID.randomUUID().toString());
            forgedTokens.forEach((kind, token) -> add(describe(operation, base, "token " + kind), base,
                    operation.method(), target, bearer(token), jsonBodyIfAny(operation, "{}")));
            if (!operation.isPublic()) {
                add(describe(operation, base, "spoofed identity headers"), base, operation.method(), target,
                        Map.of("X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "ADMIN",
                                "X-User-Email", "boss@example.com", "X-Forwarded-For", "10.0.0.1",
                                "Forwarded", "for=10.0.0.1"), jsonBodyIfAny(operation, "{}"));
            }
        }

        private void roleCases(Operation operation, String base) {
            String target = withPath(operation, UUID.randomUUID().toString());
            if (operation.isAdmin()) {
                add(describe(operation, base, "admin route as USER"), base, operation.method(), target, bearer(user),
                        jsonBodyIfAny(operation, "{}"));
            }
            if (operation.isInternal()) {
                add(describe(operation, base, "internal route as ADMIN"), base, operation.method(), target,
                        bearer(admin), jsonBodyIfAny(operation, "{}"));
                add(describe(operation, base, "internal route, forged service token"), base, operation.method(), target,
                        Map.of("X-Service-Token", "reservation-service.9999999999.Zm9yZ2Vk"), jsonBodyIfAny(operation, "{}"));
            }
        }

        private void addressCases(String base, String name) {
            add(name + " long query", base, "GET", "/api/events?keyword=" + "a".repeat(10_000), Map.of(), null);
            add(name + " long path", base, "GET", "/api/events/" + "a".repeat(20_000), Map.of(), null);
            add(name + " huge header", base, "GET", "/api/events", Map.of("X-Padding", "p".repeat(20_000)), null);
            add(name + " many headers", base, "GET", "/api/events", manyHeaders(), null);
            add(name + " bad header value", base, "GET", "/api/users/me", Map.of("Authorization", "Bearer \u00ff\u00fe"), null);
        }

        private void operatorCases(String base, String service) {
            for (String path : List.of("/actuator/dlq", "/actuator/env", "/actuator/beans", "/actuator/loggers")) {
                add(service + " " + path + " as USER", base, "GET", path, bearer(user), null);
                add(service + " " + path + " anonymous", base, "GET", path, Map.of(), null);
            }
            add(service + " dlq replay as USER", base, "POST", "/actuator/dlq/reservation.events", bearer(user), null);
            add(service + " dlq replay anonymous", base, "POST", "/actuator/dlq/payment.events", Map.of(), null);
        }

        private String rightfulToken(Operation operation) {
            return operation.isAdmin() ? admin : user;
        }

        private void add(String description, String base, String method, String target, Map<String, String> headers,
                         byte[] body) {
            cases.add(new Case(description, base, method, target, headers, body));
        }

        private static String withPath(Operation operation, String value) {
            return PATH_PARAMETER.matcher(operation.path()).replaceAll(Matcher.quoteReplacement(value));
        }

        private static byte[] jsonBodyIfAny(Operation operation, String json) {
            return operation.hasBody() ? json(json) : null;
        }

        private static byte[] json(String json) {
            return json.getBytes(StandardCharsets.UTF_8);
        }

        private static Map<String, String> bearer(String token) {
            return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        }

        private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
            Map<String, String> merged = new LinkedHashMap<>(first);
            merged.putAll(second);
            return merged;
        }

        private static Map<String, String> manyHeaders() {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < 300; i++) {
                headers.put("X-Filler-" + i, "v".repeat(60));
            }
            return headers;
        }

        private static String describe(Operation operation, String base, String what) {
            return operation.method() + " " + operation.path() + " @" + base + " [" + what + "]";
        }

        private static String tamperRole(String token) {
            String[] parts = token.split("\\.");
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"USER\"", "\"ADMIN\"");
            return parts[0] + "." + base64(claims) + "." + parts[2];
        }

        private static String base64(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }

        private static String abbreviate(String text) {
            return text.length() > 24 ? text.substring(0, 24) + "…(" + text.length() + ")" : text;
        }
    }

    /** Sends every case (a few at a time) and describes each answer that was not a 4xx problem. */
    private static List<String> run(List<Case> cases) throws Exception {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> sent = new ArrayList<>();
            for (Case hostile : cases) {
                sent.add(pool.submit(() -> {
                    RawHttp.Answer answer = RawHttp.send(hostile.baseUrl(), hostile.method(), hostile.target(),
                            hostile.headers(), hostile.body());
                    if (answer.status() < 400 || answer.status() > 499 || !answer.isProblem()
                            || !answer.body().contains("\"code\"")) {
                        failures.add(hostile.description() + " -> " + answer.status() + " " + answer.contentType() + " "
                                + abbreviateBody(answer.body()));
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        return List.copyOf(failures);
    }

    private static String abbreviateBody(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /**
     * Every table of every service read with the service's own role, as a hash of its rows. Columns that the
     * platform's own jobs move as time passes (statuses, versions, timestamps other than creation) are left
     * out, so only what a request could have created, deleted or rewritten counts.
     */
    private static Map<String, String> fingerprint(PlatformUnderTest platform) throws SQLException {
        Map<String, String> fingerprint = new TreeMap<>();
        for (String schema : List.of("user_service", "event_service", "reservation_service", "payment_service")) {
            ServiceDatabase database = ServiceDatabase.forRole(schema);
            try (Connection connection = DriverManager.getConnection(platform.platform().infrastructure().databaseUrl(),
                    database.role(), database.localPassword());
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                                + "' AND table_type = 'BASE TABLE'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    if (IGNORED_TABLES.contains(table)) {
                        continue;
                    }
                    String moving = "SELECT coalesce(array_agg(column_name::text), '{}') FROM information_schema.columns"
                            + " WHERE table_schema = '" + schema + "' AND table_name = '" + table + "' AND (column_name IN"
                            + " ('status', 'version', 'reservation_id', 'payment_id', 'failure_reason', 'attempts')"
                            + " OR (column_name LIKE '%\\_at' AND column_name <> 'created_at'))";
                    String sql = "SELECT count(*) || ':' || coalesce(md5(string_agg(md5((to_jsonb(t) - (" + moving
                            + "))::text), '' ORDER BY md5((to_jsonb(t) - (" + moving + "))::text))), '-') FROM "
                            + schema + "." + table + " t";
                    try (ResultSet rows = statement.executeQuery(sql)) {
                        rows.next();
                        fingerprint.put(schema + "." + table, rows.getString(1));
                    }
                }
            }
        }
        return fingerprint;
    }

    private static Map<String, Long> logOffsets(PlatformUnderTest platform) throws IOException {
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (String service : platform.platform().services()) {
            offsets.put(service, platform.platform().logFile(service).toFile().length());
        }
        return offsets;
    }

    /** The ERROR lines each process logged since {@code offsets}. */
    private static List<String> errorLogLines(PlatformUnderTest platform, Map<String, Long> offsets) {
        List<String> errors = new ArrayList<>();
        offsets.forEach((service, offset) -> {
            Path log = platform.platform().logFile(service);
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                file.seek(offset);
                byte[] added = new byte[(int) (file.length() - offset)];
                file.readFully(added);
                for (String line : new String(added, StandardCharsets.UTF_8).split("\n")) {
                    if (line.contains("\"level\":\"ERROR\"")) {
                        errors.add(service + ": " + (line.length() > 600 ? line.substring(0, 600) + "…" : line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return errors;
    }
}
