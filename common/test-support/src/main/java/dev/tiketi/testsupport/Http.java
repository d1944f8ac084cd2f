package dev.tiketi.testsupport;

import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain HTTP for service tests: a call with an optional JSON body and bearer token, its answer as a string,
 * and the one assertion every error answer must pass (RFC 9457 problem details with a stable code).
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    /**
     * @param json  the request body, sent as {@code application/json}; none when null
     * @param token a bearer token; none when null
     */
    public static HttpResponse<String> call(URI uri, String method, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends without checked exceptions, so that tests and the lambdas in them stay plain. */
    public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A problem-details answer with this status and code, and nothing internal in it. */
    public static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
    }
}
