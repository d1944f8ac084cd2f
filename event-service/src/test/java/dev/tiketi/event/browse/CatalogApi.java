package dev.tiketi.event.browse;

import dev.tiketi.testsupport.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Calls event-service over real HTTP. Public reads carry a user token: the rule that opens them to
 * anonymous callers lives in the security configuration of the admin branch, not in this one.
 */
public final class CatalogApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String token = TestTokens.instance().user(UUID.randomUUID());

    public CatalogApi(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + token));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
