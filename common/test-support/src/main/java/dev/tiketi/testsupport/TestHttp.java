package dev.tiketi.testsupport;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.serviceauth.ServiceCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test's HTTP over one shared client; an I/O failure fails the test unchecked. Also the one assertion every
 * error answer must pass: RFC 9457 problem details with a stable code.
 */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private TestHttp() {
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** With another body handler, e.g. {@code ofLines()} to read a stream as it arrives. */
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

    /**
     * @param token a bearer token; none when null
     * @param json  the request body, sent as {@code application/json}; none when null
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
        return send(request.build());
    }

    /** As the platform service {@code caller} calls an internal endpoint: with its service token, no user token. */
    public static HttpResponse<String> callAsService(URI uri, String method, String caller, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header(ServiceCredentials.HEADER, TestServiceTokens.token(caller));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
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
