package dev.tiketi.reservation.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tiketi.serviceauth.BuyerTokens;
import dev.tiketi.testsupport.TestServiceTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * queue-service's internal slot-release endpoint on loopback, recording the waiting-room slots reservation-service
 * gives back; and admission tokens, signed as queue-service signs them (nothing is asked about them). Events and
 * seats reach reservation-service through event.events: {@link TestCatalog}.
 */
public final class Upstreams {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Admission> releasedSlots = new CopyOnWriteArrayList<>();
    private final String baseUrl;

    private Upstreams() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/internal/queue/", this::queue)
                    .setAuthenticator(TestServiceTokens.requiring("reservation-service"));
            server.start();
            baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Upstreams instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Upstreams INSTANCE = new Upstreams();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The waiting room admits the user: a {@code qr_} token signed for them and the event, good for ten minutes. */
    public String admit(UUID userId, UUID eventId) {
        return admit(userId, eventId, Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** An admission token that ends at {@code expiresAt} (in the past: an expired one). */
    public String admit(UUID userId, UUID eventId, Instant expiresAt) {
        BuyerTokens tokens = TestServiceTokens.buyerTokens();
        return tokens.admission(tokens.newId(), expiresAt.getEpochSecond(), userId, eventId);
    }

    public List<Admission> releasedSlots() {
        return List.copyOf(releasedSlots);
    }

    public record Admission(UUID userId, UUID eventId) {
    }

    private void queue(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (path.endsWith("/slots/release")) {
            releasedSlots.add(new Admission(UUID.fromString(body.get("userId").asString()),
                    UUID.fromString(path.split("/")[3])));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            respond(exchange, 404, Map.of("status", 404));
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
