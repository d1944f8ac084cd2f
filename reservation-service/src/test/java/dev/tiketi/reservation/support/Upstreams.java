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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * event-service's and queue-service's internal endpoints on loopback, as far as reservation-service uses
 * them: events with seats (every seat of an event costs 100,000 KRW, VIP), and a record of released
 * waiting-room slots; and admission tokens, signed as queue-service signs them (nothing is asked about them).
 */
public final class Upstreams {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<UUID, StubEvent> events = new ConcurrentHashMap<>();
    private final List<Admission> releasedSlots = new CopyOnWriteArrayList<>();
    private final String baseUrl;

    private Upstreams() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/internal/events/", this::event)
                    .setAuthenticator(TestServiceTokens.requiring("reservation-service"));
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

    /** An event ON_SALE, starting in 30 days, with {@code seats} seats. */
    public TestEvent onSale(int seats) {
        UUID id = UUID.randomUUID();
        List<UUID> seatIds = IntStream.range(0, seats).mapToObj(i -> UUID.randomUUID()).toList();
        Instant startsAt = Instant.now().plus(Duration.ofDays(30));
        events.put(id, new StubEvent(id, "ON_SALE", startsAt, seatIds, ConcurrentHashMap.newKeySet()));
        return new TestEvent(id, seatIds);
    }

    public void status(UUID eventId, String status) {
        events.computeIfPresent(eventId, (id, event) -> new StubEvent(id, status, event.startsAt, event.seatIds, event.sold));
    }

    public void startsAt(UUID eventId, Instant startsAt) {
        events.computeIfPresent(eventId, (id, event) -> new StubEvent(id, event.status, startsAt, event.seatIds, event.sold));
    }

    /** event-service no longer knows the event: every call about it is a 404. */
    public void forget(UUID eventId) {
        events.remove(eventId);
    }

    /** What event-service's seat projection does when it hears of a sale. */
    public void sold(UUID eventId, UUID seatId) {
        events.get(eventId).sold.add(seatId);
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

    public record TestEvent(UUID id, List<UUID> seatIds) {

        public List<UUID> seats(int... indexes) {
            return Arrays.stream(indexes).mapToObj(seatIds::get).toList();
        }
    }

    public record Admission(UUID userId, UUID eventId) {
    }

    private record StubEvent(UUID id, String status, Instant startsAt, List<UUID> seatIds, Set<UUID> sold) {
    }

    private void event(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        StubEvent event = events.get(UUID.fromString(path[3]));
        if (event == null) {
            respond(exchange, 404, Map.of("status", 404, "code", "event-not-found"));
        } else if (path.length == 4) {
            respond(exchange, 200, describe(event));
        } else if (path.length == 6 && path[5].equals("sold")) {
            respond(exchange, 200, event.sold);
        } else {
            String ids = exchange.getRequestURI().getQuery().substring("ids=".length());
            List<Map<String, Object>> seats = new ArrayList<>();
            for (String id : ids.split(",")) {
                int index = event.seatIds.indexOf(UUID.fromString(id));
                if (index >= 0) {
                    seats.add(seat(event, index));
                }
            }
            respond(exchange, 200, seats);
        }
    }

    private static Map<String, Object> describe(StubEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id);
        body.put("title", "Test concert");
        body.put("status", event.status);
        body.put("venueName", "KSPO DOME");
        body.put("hallName", "Main hall");
        body.put("startsAt", event.startsAt.toString());
        body.put("endsAt", event.startsAt.plus(Duration.ofHours(3)).toString());
        body.put("saleStartsAt", "2020-01-01T00:00:00Z");
        body.put("saleEndsAt", event.startsAt.toString());
        return body;
    }

    private static Map<String, Object> seat(StubEvent event, int index) {
        UUID id = event.seatIds.get(index);
        Map<String, Object> seat = new LinkedHashMap<>();
        seat.put("id", id);
        seat.put("eventId", event.id);
        seat.put("section", "A");
        seat.put("row", Integer.toString(index / 20 + 1));
        seat.put("number", index % 20 + 1);
        seat.put("grade", "VIP");
        seat.put("price", 100_000);
        seat.put("status", event.sold.contains(id) ? "SOLD" : "AVAILABLE");
        return seat;
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
