package dev.tiketi.e2e;

import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A small HTTP client for one base URL: JSON in, {@link Reply} out. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Reply get(String path, String token) {
        return call("GET", path).bearer(token).send();
    }

    public Reply post(String path, String json, String token) {
        return call("POST", path).json(json).bearer(token).send();
    }

    /**
     * Opens a server-sent event stream; its lines arrive as the server writes them, until the stream ends or
     * its body is closed. No request timeout: a stream is meant to last.
     */
    public HttpResponse<Stream<String>> openStream(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException("stream " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call bearer(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(String json) {
            body = json;
            headers.put("Content-Type", "application/json");
            return this;
        }

        public Reply send() {
            HttpResponse<String> response = send(HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Retry-After").orElse(null));
        }

        /** The response exactly as it arrived: every header, the body's bytes as sent (not decompressed). */
        public HttpResponse<byte[]> sendForBytes() {
            return send(HttpResponse.BodyHandlers.ofByteArray());
        }

        private <T> HttpResponse<T> send(HttpResponse.BodyHandler<T> handler) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(15))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                return HTTP.send(request.build(), handler);
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response: status, content type, body and Retry-After (null when absent), with JSON-path reads. */
    public record Reply(int status, String contentType, String body, String retryAfter) {

        public <T> T read(String path) {
            return JsonPath.read(body, path);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
