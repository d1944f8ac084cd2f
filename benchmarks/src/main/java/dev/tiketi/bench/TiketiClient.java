package dev.tiketi.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Set-up calls that are not part of a measurement: signing in and creating fixtures. Plain JDK HTTP, so
 * none of it shows up in Gatling's statistics.
 */
final class TiketiClient {

    private final HttpClient http;
    private final URI baseUrl;
    private final String accessToken;

    private TiketiClient(HttpClient http, URI baseUrl, String accessToken) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    private TiketiClient(URI baseUrl, String accessToken) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, accessToken);
    }

    /**
     * Uses the configured admin token, or signs in once. A simulation calls this once per run, never per
     * virtual user: the gateway allows 10 logins per minute and IP.
     */
    static TiketiClient admin(BenchConfig config) {
        if (config.adminToken().isPresent()) {
            return new TiketiClient(config.baseUrl(), config.adminToken().get());
        }
        TiketiClient anonymous = new TiketiClient(config.baseUrl(), null);
        HttpResponse<String> response = anonymous.send("POST", "/api/auth/login",
                Map.of("email", config.adminEmail(), "password", config.adminPassword()));
        if (response.statusCode() == 429) {
            throw new IllegalStateException("login refused with 429 (10 logins per minute and IP): wait a minute,"
                    + " or pass an admin token with -Dbench.adminToken=…");
        }
        JsonNode body = requireSuccess(response, "POST /api/auth/login as " + config.adminEmail());
        return new TiketiClient(config.baseUrl(), body.path("accessToken").asText());
    }

    /** The same gateway and connections, as the user of {@code otherAccessToken}; safe to use from many threads. */
    TiketiClient as(String otherAccessToken) {
        return new TiketiClient(http, baseUrl, otherAccessToken);
    }

    String accessToken() {
        return accessToken;
    }

    /** A hall of {@code hall}'s layout in the venue and an event in it whose sale opened a minute ago. */
    UUID eventOnSale(String venueId, CatalogPayloads.Hall hall, String title) {
        String hallId = create("/api/admin/venues/" + venueId + "/halls", hall);
        return UUID.fromString(create("/api/admin/events", CatalogPayloads.concertOnSale(title, hallId, Instant.now())));
    }

    /**
     * GETs {@code path} sending {@code Accept-Encoding}, which must succeed, and returns the answer's ETag and
     * body size as sent (compressed bytes are counted, not decompressed).
     */
    Representation representation(String path, String acceptEncoding) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Encoding", acceptEncoding)
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return new Representation(response.headers().firstValue("ETag").orElseThrow(
                    () -> new IllegalStateException("GET " + path + " answered without an ETag")),
                    response.headers().firstValue("Content-Encoding").orElse("identity"), response.body().length);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + baseUrl.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    record Representation(String etag, String contentEncoding, int bytes) {
    }

    /** POSTs {@code body} as JSON and returns the answer, which must be a success. */
    JsonNode post(String path, Object body) {
        return requireSuccess(send("POST", path, body), "POST " + path);
    }

    /** GETs {@code path}, which must answer with success. */
    JsonNode get(String path) {
        return requireSuccess(send("GET", path, null), "GET " + path);
    }

    /** PUTs {@code body} as JSON and returns the answer, which must be a success. */
    JsonNode put(String path, Object body) {
        return requireSuccess(send("PUT", path, body), "PUT " + path);
    }

    /** POSTs {@code body} as JSON and returns the {@code id} of what was created. */
    String create(String path, Object body) {
        JsonNode created = post(path, body);
        String id = created.path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalStateException("POST " + path + " answered without an id: "
                    + Json.abbreviate(created.toString()));
        }
        return id;
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static JsonNode requireSuccess(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                    + Json.abbreviate(response.body()));
        }
        return Json.read(response.body());
    }
}
