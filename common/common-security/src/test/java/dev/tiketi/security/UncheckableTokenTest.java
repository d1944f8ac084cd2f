package dev.tiketi.security;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** When the issuer's keys cannot be fetched, a token can be neither accepted nor blamed: 503, not 401 or 500. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.application.name=uncheckable-token-test",
        "tiketi.security.jwk-set-uri=http://127.0.0.1:9/.well-known/jwks.json"})
class UncheckableTokenTest {

    @LocalServerPort
    int port;

    @Test
    void aTokenThatCannotBeCheckedIsA503Problem() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
                .header("Authorization", "Bearer " + TestTokens.instance().user(UUID.randomUUID()))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("authentication-unavailable");
    }

    @Test
    void noSecurityObservations(@Autowired FilterChainProxy chain) {
        assertThat(ReflectionTestUtils.getField(chain, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {
        @GetMapping("/whoami")
        String whoami() {
            return "nobody should get here";
        }
    }
}
