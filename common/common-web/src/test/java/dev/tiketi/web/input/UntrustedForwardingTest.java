package dev.tiketi.web.input;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller that is not a trusted proxy cannot choose its address with X-Forwarded-For. */
@SpringBootTest(classes = HostileTextIntegrationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tiketi.trusted-proxies=10.0.0.0/8")
class UntrustedForwardingTest {

    @LocalServerPort
    int port;

    @Test
    void aClientWrittenForwardingHeaderIsIgnored() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
                    .header("X-Forwarded-For", "203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("127.0.0.1");
        }
    }
}
