package dev.tiketi.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for one TIKETI service on a loopback port: echoes what reached it as JSON, answers slowly on
 * paths ending in /slow, only once {@link #releaseHeld()} is called on paths ending in /held (a service saturated
 * for as long as a test needs), streams server-sent events on paths ending in /stream, and marks its answer on
 * paths ending in /shared or /progress {@code Cache-Control: public, max-age=3} (as the catalog's reads are, for longer; a query
 * {@code max-age=N} says N) with the number of requests for that path and query it has seen.
 */
final class Downstream {

    static final int STREAM_EVENTS = 5;
    static final long STREAM_INTERVAL_MILLIS = 250;
    static final long SLOW_MILLIS = 1_500;
    private static final long MAX_HELD_SECONDS = 60;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private Downstream(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    static Downstream start(String name) {
        return startOn(name, 0);
    }

    /** On a given port: a service that comes back where it was ({@link #deadUrl}'s port). */
    static Downstream startOn(String name, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            Downstream downstream = new Downstream(name, server);
            server.createContext("/", downstream::handle);
            server.start();
            return downstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback address where nothing listens: connections are refused. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        server.stop(0);
    }

    /** Requests on /held paths that reached this service and wait for {@link #releaseHeld()}. */
    int held() {
        return held.get();
    }

    /** How many requests for this path and query (as sent) reached this service. */
    int requests(String pathAndQuery) {
        AtomicInteger count = requests.get(pathAndQuery);
        return count == null ? 0 : count.get();
    }

    void releaseHeld() {
        release.countDown();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            int seen = requests.computeIfAbsent(query == null ? path : path + "?" + query, k -> new AtomicInteger())
                    .incrementAndGet();
            if (path.endsWith("/stream")) {
                stream(exchange);
                return;
            }
            if (path.endsWith("/slow")) {
                Thread.sleep(SLOW_MILLIS);
            }
            if (path.endsWith("/held")) {
                held.incrementAndGet();
                try {
                    release.await(MAX_HELD_SECONDS, TimeUnit.SECONDS);
                } finally {
                    held.decrementAndGet();
                }
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echo.put("userIds", values(exchange, "X-User-Id"));
            echo.put("userEmails", values(exchange, "X-User-Email"));
            echo.put("userRoles", values(exchange, "X-User-Role"));
            echo.put("otherUserHeaders", exchange.getRequestHeaders().keySet().stream()
                    .filter(header -> header.toLowerCase().startsWith("x-user-"))
                    .filter(header -> !List.of("x-user-id", "x-user-email", "x-user-role").contains(header.toLowerCase()))
                    .toList());
            echo.put("forwardedFor", values(exchange, "X-Forwarded-For"));
            echo.put("traceparents", values(exchange, "traceparent"));
            echo.put("seen", seen);
            byte[] body = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (path.endsWith("/shared") || path.endsWith("/progress")) {
                String maxAge = query != null && query.startsWith("max-age=") ? query.substring("max-age=".length()) : "3";
                exchange.getResponseHeaders().set("Cache-Control", "public, max-age=" + maxAge);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> values(HttpExchange exchange, String header) {
        List<String> values = exchange.getRequestHeaders().get(header);
        return values == null ? List.of() : values;
    }

    private static void stream(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 1; i <= STREAM_EVENTS; i++) {
            out.write(("id: " + i + "\nevent: position\ndata: {\"position\":" + (100 - i) + "}\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(STREAM_INTERVAL_MILLIS);
        }
    }
}
