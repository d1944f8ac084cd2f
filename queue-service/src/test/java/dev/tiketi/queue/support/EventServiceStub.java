package dev.tiketi.queue.support;

import com.sun.net.httpserver.HttpServer;
import dev.tiketi.testsupport.TestServiceTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * event-service's {@code GET /internal/events/{id}} on loopback: every event is ON_SALE unless a test
 * gives it another status, or marks it unknown (404).
 */
public final class EventServiceStub {

    private final Map<UUID, String> statuses = new ConcurrentHashMap<>();
    private final String baseUrl;

    private EventServiceStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/internal/events/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
                String status = statuses.getOrDefault(id, "ON_SALE");
                byte[] body = ("UNKNOWN".equals(status) ? "{\"status\":404}" : """
                        {"id":"%s","title":"Test concert","status":"%s","venueName":"Venue","hallName":"Hall",
                         "startsAt":"2030-01-01T10:00:00Z","endsAt":"2030-01-01T12:00:00Z",
                         "saleStartsAt":"2020-01-01T00:00:00Z","saleEndsAt":"2030-01-01T09:00:00Z"}"""
                        .formatted(id, status)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders("UNKNOWN".equals(status) ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            }).setAuthenticator(TestServiceTokens.requiring("queue-service"));
            server.start();
            baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EventServiceStub instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final EventServiceStub INSTANCE = new EventServiceStub();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public void status(UUID eventId, String status) {
        statuses.put(eventId, status);
    }
}
