package dev.tiketi.queue.support;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.queue.admission.Admissions;
import dev.tiketi.queue.admission.Admitted;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.testsupport.TestHttp;
import dev.tiketi.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue service over real HTTP against the shared Redis, with event-service stubbed. The admission
 * scheduler is off: tests drive {@link Admissions#tick()} themselves so admissions happen exactly when asked.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "tiketi.queue.admission.scheduler-enabled=false")
public abstract class QueueIntegrationTest {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected Admissions admissions;

    protected final TestTokens tokens = TestTokens.instance();

    @DynamicPropertySource
    static void eventService(DynamicPropertyRegistry registry) {
        registry.add("tiketi.urls.event-service", () -> EventServiceStub.instance().baseUrl());
    }

    /** An internal endpoint as another platform service calls it, with that service's token. */
    protected HttpResponse<String> internal(String caller, String method, String path, String json) {
        return TestHttp.callAsService(URI.create("http://localhost:" + port + path), method, caller, json);
    }

    protected HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> enter(UUID eventId, UUID userId) {
        return call("POST", "/api/queue/" + eventId + "/enter", tokens.user(userId), null);
    }

    protected HttpResponse<String> status(UUID eventId, UUID userId) {
        return call("GET", "/api/queue/" + eventId + "/status", tokens.user(userId), null);
    }

    /** Sets the event's admission policy as an admin does. */
    protected void policy(UUID eventId, String json) {
        var response = call("PUT", "/api/admin/queue/" + eventId + "/policy", tokens.admin(UUID.randomUUID()), json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** One admission tick, this event's share of it (other tests' rooms may still be open), in queue order. */
    protected List<UUID> tickFor(UUID eventId) {
        return admissions.tick().stream().filter(a -> a.eventId().equals(eventId)).map(Admitted::userId).toList();
    }

    protected HttpResponse<String> leave(UUID eventId, UUID userId) {
        return call("DELETE", "/api/queue/" + eventId, tokens.user(userId), null);
    }

    protected static <T> T json(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
    }
}
