package dev.tiketi.web.input;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Tomcat with common-web's rules: hostile text and addresses get 400 problem+json, never 500 or HTML. */
@SpringBootTest(classes = HostileTextIntegrationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileTextIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"%FF%FE", "%00", "%ED%A0%80", "%C0%AF", "a%07b", "%"})
    void hostileQueryParametersAreA400NamingTheParameter(String keyword) throws Exception {
        String response = raw("GET /echo?keyword=" + keyword + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json").contains("\"code\":\"validation-failed\"", "\"field\":\"keyword\"",
                "InvalidCharacters");
    }

    @Test
    void ordinaryTextPasses() throws Exception {
        HttpResponse<String> response = get("/echo?keyword=%EC%95%84%EC%9D%B4%EC%9C%A0+%EF%BF%BD");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("아이유 \uFFFD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"nul\\u0000\"}", "{\"name\":\"half \\ud800 pair\"}",
            "{\"name\":\"ok\",\"tags\":[\"fine\",\"bell\\u0007\"]}"})
    void hostileBodyTextIsA400NamingTheField(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"validation-failed\"", "InvalidCharacters");
    }

    @Test
    void bodyTextWithLinesAndEmojiPasses() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\\nb \\ud83c\\udfab\",\"tags\":[\"x\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("a\nb \uD83C\uDFAB");
    }

    /** Addresses Tomcat itself refuses before any filter runs: sent raw, as java.net.URI would refuse them. */
    @ParameterizedTest
    @ValueSource(strings = {"/echo/a%00b", "/echo/..%2f..%2fetc", "/echo/a%2fb", "/echo/%ED%A0%80", "/echo/%C0%AF",
            "/echo/x#frag", "/echo/a b", "/echo/%zz"})
    void addressesTomcatRefusesAreProblemsToo(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(response.substring(9, 12));
        assertThat(status).as(response).isBetween(400, 499);
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"status\":" + status).doesNotContain("<html");
    }

    @Test
    void theErrorPageIsNotAnAddressOfItsOwn() throws Exception {
        HttpResponse<String> response = get("/error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"not-found\"");
    }

    @Test
    void aHeaderTooLargeIsAProblem() throws Exception {
        String response = raw("GET /echo HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 4").containsIgnoringCase("application/problem+json")
                .doesNotContain("<html");
    }

    @Test
    void theClientAddressIsTheOneTheTrustedLoopbackProxyVouchedFor() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/whoami"))
                .header("X-Forwarded-For", "198.51.100.7, 203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("203.0.113.9");
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @RestController
        static class Echo {
            @GetMapping("/echo")
            String keyword(@RequestParam String keyword) {
                return keyword;
            }

            @GetMapping("/echo/{id}")
            String path(@PathVariable String id) {
                return id;
            }

            @GetMapping("/whoami")
            String whoami(HttpServletRequest request) {
                return request.getRemoteAddr();
            }

            @PostMapping("/echo")
            String body(@RequestBody Named named) {
                return named.name();
            }
        }

        record Named(String name, List<String> tags) {
        }
    }
}
