package dev.tiketi.gateway.web;

import dev.tiketi.gateway.config.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browser hardening headers on every response: the SPA, proxied API answers and the gateway's own errors
 * alike. Set just before the response is committed, so they override whatever a service sent. HSTS is sent
 * on plain HTTP too: TLS ends at the ingress in front of the gateway, and browsers ignore it over HTTP.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

    private final GatewayProperties.Headers settings;

    SecurityHeadersFilter(GatewayProperties properties) {
        this.settings = properties.headers();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", settings.contentSecurityPolicy());
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", settings.referrerPolicy());
            headers.set("Strict-Transport-Security", settings.strictTransportSecurity());
            headers.set("Permissions-Policy", settings.permissionsPolicy());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
