package dev.tiketi.gateway.web;

import dev.tiketi.gateway.config.GatewayProperties;
import dev.tiketi.gateway.problem.ProblemWriter;
import dev.tiketi.gateway.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * CORS for the whole gateway from the configured allow-list, answered before the token check (a preflight
 * carries no token). Only listed origins are echoed; a request from any other origin is refused with a
 * 403 problem instead of Spring's empty 403. An Origin that is not even a well-formed origin
 * ({@code http://localhost:5173.evil.example}, whose "port" is not a number) is refused the same way before
 * Spring's CORS code parses it, which used to throw (500).
 */
@Component
@Order(-150) // after the security headers, before Spring Security (-100)
class CorsFilter implements WebFilter {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter problems;

    CorsFilter(GatewayProperties properties, ProblemWriter problems) {
        GatewayProperties.Cors cors = properties.cors();
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(cors.allowedMethods());
        config.setAllowedHeaders(cors.allowedHeaders());
        config.setExposedHeaders(cors.exposedHeaders());
        config.setAllowCredentials(true);
        config.setMaxAge(cors.maxAge());
        this.configuration = config;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin == null) {
            return chain.filter(exchange);
        }
        if (!isWellFormedOrigin(origin)) {
            return refuse(exchange);
        }
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return refuse(exchange);
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest())
                ? exchange.getResponse().setComplete()
                : chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, Problems.CORS_REJECTED,
                "Requests from this origin are not allowed.");
    }

    /** scheme://host[:port] and nothing else (RFC 6454 serialisation); "null" is not an origin we can allow. */
    static boolean isWellFormedOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getPort() >= -1 && uri.getPort() <= 65_535;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
