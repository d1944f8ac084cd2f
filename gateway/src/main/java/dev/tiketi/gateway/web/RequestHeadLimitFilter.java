package dev.tiketi.gateway.web;

import dev.tiketi.gateway.problem.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Refuses an over-long address (414) or over-large headers (431) with a problem body. Netty's own limits
 * answer with an empty body and cannot be taught otherwise, so they are set well above these
 * ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size}) and the refusal
 * happens here, where it can be described. The limits also keep what is forwarded within the services' own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestHeadLimitFilter implements WebFilter {

    private final long maxUriLength;
    private final long maxHeaderSize;
    private final ProblemWriter problems;

    RequestHeadLimitFilter(@Value("${tiketi.gateway.max-uri-length:8KB}") DataSize maxUriLength,
                           @Value("${tiketi.gateway.max-header-size:16KB}") DataSize maxHeaderSize,
                           ProblemWriter problems) {
        this.maxUriLength = maxUriLength.toBytes();
        this.maxHeaderSize = maxHeaderSize.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getURI().getRawPath().length() + rawQueryLength(request) > maxUriLength) {
            return problems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long",
                    "The request address is longer than " + maxUriLength + " characters.");
        }
        if (headerSize(request) > maxHeaderSize) {
            return problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    "The request headers are larger than " + maxHeaderSize + " bytes.");
        }
        return chain.filter(exchange);
    }

    private static int rawQueryLength(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return query == null ? 0 : query.length() + 1;
    }

    private static long headerSize(ServerHttpRequest request) {
        long size = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.length() + 4;
            }
        }
        return size;
    }
}
