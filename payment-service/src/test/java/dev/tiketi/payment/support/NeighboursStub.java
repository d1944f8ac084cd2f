package dev.tiketi.payment.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tiketi.testsupport.TestServiceTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * queue-service's {@code POST /internal/queue/tokens/validate} on loopback, answering from what a test put in: the
 * one contract payment-service calls, exactly as its owner documents it (reservations reach payment-service as
 * events, see {@link TestReservation}). It can be made to fail (HTTP 500) to show the 503 problem.
 */
public final class NeighboursStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A token as queue-service holds it. */
    public record Token(UUID userId, UUID eventId, String kind, boolean revoked) {
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final String baseUrl;

    private NeighboursStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/internal/queue/tokens/validate", this::validate)
                    .setAuthenticator(TestServiceTokens.requiring("payment-service"));
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NeighboursStub instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final NeighboursStub INSTANCE = new NeighboursStub();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public void put(String token, Token details) {
        tokens.put(token, details);
    }

    /** Makes {@code queue-service} answer 500 until {@link #recover}. */
    public void fail(String service) {
        failing.add(service);
    }

    public void recover(String service) {
        failing.remove(service);
    }

    private void validate(HttpExchange exchange) throws IOException {
        if (failing.contains("queue-service")) {
            respond(exchange, 500, Map.of("status", 500));
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Token token = tokens.get(request.get("token").asString());
        UUID userId = UUID.fromString(request.get("userId").asString());
        UUID eventId = UUID.fromString(request.get("eventId").asString());
        Map<String, Object> answer;
        if (token == null) {
            answer = Map.of("valid", false, "reason", "expired-or-unknown");
        } else if (token.revoked()) {
            answer = Map.of("valid", false, "reason", "revoked");
        } else if (!token.userId().equals(userId)) {
            answer = Map.of("valid", false, "reason", "wrong-user");
        } else if (!token.eventId().equals(eventId)) {
            answer = Map.of("valid", false, "reason", "wrong-event");
        } else {
            answer = Map.of("valid", true, "kind", token.kind(), "expiresAt", Instant.now().plusSeconds(600).toString());
        }
        respond(exchange, 200, answer);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
