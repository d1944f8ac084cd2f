package dev.tiketi.payment.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tiketi.testsupport.TestServiceTokens;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * reservation-service's {@code GET /internal/reservations/{id}} on loopback, answering from what a test put in:
 * the contract payment-service calls, exactly as its owner documents it. It can be made to fail (HTTP 500) to
 * show the 503 problem. (Payment tokens are signed, and checked without a call.)
 */
public final class NeighboursStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A reservation as reservation-service describes it. */
    public record Reservation(UUID id, UUID userId, UUID eventId, String status, long totalAmount,
                              Instant holdExpiresAt, String eventTitle) {

        public Reservation withStatus(String newStatus) {
            return new Reservation(id, userId, eventId, newStatus, totalAmount, holdExpiresAt, eventTitle);
        }

        public Reservation withHoldExpiresAt(Instant expiresAt) {
            return new Reservation(id, userId, eventId, status, totalAmount, expiresAt, eventTitle);
        }
    }

    private final Map<UUID, Reservation> reservations = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reservationLookups = new AtomicInteger();
    private final String baseUrl;

    private NeighboursStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/internal/reservations/", this::reservation)
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

    public void put(Reservation reservation) {
        reservations.put(reservation.id(), reservation);
    }

    /** Makes {@code reservation-service} answer 500 until {@link #recover}. */
    public void fail(String service) {
        failing.add(service);
    }

    public void recover(String service) {
        failing.remove(service);
    }

    public int reservationLookups() {
        return reservationLookups.get();
    }

    private void reservation(HttpExchange exchange) throws IOException {
        reservationLookups.incrementAndGet();
        if (failing.contains("reservation-service")) {
            respond(exchange, 500, Map.of("status", 500));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        Reservation reservation = reservations.get(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
        if (reservation == null) {
            respond(exchange, 404, Map.of("status", 404, "code", "reservation-not-found"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", reservation.id());
        body.put("userId", reservation.userId());
        body.put("eventId", reservation.eventId());
        body.put("status", reservation.status());
        body.put("totalAmount", reservation.totalAmount());
        body.put("holdExpiresAt", reservation.holdExpiresAt().toString());
        body.put("eventTitle", reservation.eventTitle());
        body.put("eventStartsAt", "2030-01-01T10:00:00Z");
        body.put("seats", java.util.List.of(Map.of("seatId", UUID.randomUUID(), "grade", "R", "price",
                reservation.totalAmount(), "section", "A", "row", "1", "number", 1)));
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
