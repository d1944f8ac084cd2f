package dev.tiketi.reservation.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tiketi.testsupport.TestServiceTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * queue-service's internal endpoints on loopback, as far as reservation-service uses them: admission tokens
 * bound to a user and event, payment tokens, and a record of released waiting-room slots. (Events and seats
 * reach reservation-service through event.events: {@link TestCatalog}.)
 */
public final class Upstreams {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Admission> admissions = new ConcurrentHashMap<>();
    private final List<Admission> releasedSlots = new CopyOnWriteArrayList<>();
    private final List<String> restoredPaymentTokens = new CopyOnWriteArrayList<>();
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

    /** The waiting room admits the user: a {@code qr_} token bound to them and the event. */
    public String admit(UUID userId, UUID eventId) {
        String token = "qr_" + UUID.randomUUID();
        admissions.put(token, new Admission(userId, eventId));
        return token;
    }

    /** The admission expires or is revoked. */
    public void endAdmission(String token) {
        admissions.remove(token);
    }

    /** Payment tokens reservation-service gave queue-service back after Redis lost them. */
    public List<String> restoredPaymentTokens() {
        return List.copyOf(restoredPaymentTokens);
    }

    public List<Admission> releasedSlots() {
        return List.copyOf(releasedSlots);
    }

    public record Admission(UUID userId, UUID eventId) {
    }

    private void queue(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (path.endsWith("/tokens/validate")) {
            Admission admission = admissions.get(body.get("token").asString());
            Admission asked = new Admission(UUID.fromString(body.get("userId").asString()),
                    UUID.fromString(body.get("eventId").asString()));
            respond(exchange, 200, Objects.equals(admission, asked)
                    ? Map.of("valid", true, "kind", "ADMISSION", "expiresAt", Instant.now().plusSeconds(600).toString())
                    : Map.of("valid", false, "reason", admission == null ? "expired-or-unknown" : "wrong-user"));
        } else if (path.endsWith("/tokens/payment")) {
            boolean admitted = admissions.containsKey(body.get("admissionToken").asString());
            respond(exchange, admitted ? 200 : 409, admitted
                    ? Map.of("paymentToken", "qp_" + UUID.randomUUID(), "expiresAt", Instant.now().plusSeconds(600).toString())
                    : Map.of("status", 409, "code", "admission-token-invalid"));
        } else if (path.endsWith("/tokens/payment/restore")) {
            restoredPaymentTokens.add(body.get("paymentToken").asString());
            respond(exchange, 200, Map.of("outcome", "restored"));
        } else if (path.endsWith("/slots/release")) {
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
