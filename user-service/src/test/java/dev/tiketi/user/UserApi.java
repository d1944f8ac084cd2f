package dev.tiketi.user;

import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls user-service over real HTTP. Every login comes from a random X-Forwarded-For address unless a test
 * picks one, because the per-IP limit lives in Redis shared by all test classes.
 */
public final class UserApi {

    public static final String PASSWORD = "s3cret-Passw0rd";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public UserApi(int port) {
        this.port = port;
    }

    public static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@example.com";
    }

    public static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public static String registration(String email, String password) {
        return """
                {"email":"%s","password":"%s","name":"Kim Tiketi","phone":"01012345678",
                 "agreements":[{"code":"SERVICE","version":"2025-01","agreed":true},
                               {"code":"PRIVACY","version":"2025-01","agreed":true},
                               {"code":"MARKETING","version":"2025-01","agreed":false}]}""".formatted(email, password);
    }

    public HttpResponse<String> register(String email, String password) {
        return post("/api/auth/register", registration(email, password), Map.of());
    }

    /** Registers a fresh account with {@link #PASSWORD} and returns its email. */
    public String newUser() {
        String email = uniqueEmail();
        HttpResponse<String> response = register(email, PASSWORD);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + response.body());
        }
        return email;
    }

    public HttpResponse<String> login(String email, String password) {
        return login(email, password, randomIp());
    }

    public HttpResponse<String> login(String email, String password, String ip) {
        return post("/api/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password),
                // the first hop is whatever a client claims; the gateway appends the address it really saw
                Map.of("X-Forwarded-For", "203.0.113.9, " + ip, "User-Agent", "UserApi/1.0"));
    }

    /** Logs in successfully and returns the response body. */
    public Session session(String email, String password) {
        HttpResponse<String> response = login(email, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        return new Session(JsonPath.read(response.body(), "$.accessToken"), JsonPath.read(response.body(), "$.refreshToken"),
                JsonPath.read(response.body(), "$.user.id"));
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return post("/api/auth/refresh", "{\"refreshToken\":\"%s\"}".formatted(refreshToken), Map.of());
    }

    public HttpResponse<String> get(String path, String accessToken) {
        return send("GET", path, null, bearer(accessToken));
    }

    public HttpResponse<String> post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    public HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> bearer(String accessToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (accessToken != null) {
            headers.put("Authorization", "Bearer " + accessToken);
        }
        return headers;
    }

    public record Session(String accessToken, String refreshToken, String userId) {
    }
}
