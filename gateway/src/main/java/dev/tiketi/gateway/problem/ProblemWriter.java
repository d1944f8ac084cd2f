package dev.tiketi.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes RFC 9457 problem details for everything the gateway itself answers, with the same {@code type}
 * URIs and {@code code}s as the services (common-web's ProblemTypes), so clients handle one format.
 */
@Component
public class ProblemWriter {

    public static final String TYPE_BASE = "https://tiketi.dev/problems/";

    /** A 503 that names no better time (a service restarting, a dropped connection): retry this soon. */
    public static final long DEFAULT_RETRY_AFTER_SECONDS = 2;

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        return write(exchange, status, code, detail, headers -> { });
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail,
                            Consumer<HttpHeaders> extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Headers are on the wire already (e.g. a stream that broke midway); nothing sensible to add.
            return Mono.empty();
        }
        byte[] body = body(exchange.getRequest().getPath().value(), status, code, detail);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        extraHeaders.accept(headers);
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value() && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
            // clients (the web app) back off by it; without it a 503 invites an immediate retry storm
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DEFAULT_RETRY_AFTER_SECONDS));
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    public byte[] body(String instance, HttpStatusCode status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + code);
        problem.put("title", status instanceof HttpStatus known ? known.getReasonPhrase() : "Error");
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("code", code);
        return json.writeValueAsBytes(problem);
    }
}
