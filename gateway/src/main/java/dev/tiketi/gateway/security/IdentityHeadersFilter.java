package dev.tiketi.gateway.security;

import dev.tiketi.security.TokenClaims;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * Downstream, X-User-* headers only ever carry what the gateway verified: whatever the client sent under
 * those names (in any spelling or case) is dropped, and the identity of a valid token is added.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

    /** Every header starting with this is reserved for the identity the gateway verified. */
    private static final String IDENTITY_HEADER_PREFIX = "x-user-";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken())
                .map(jwt -> withIdentity(exchange, jwt))
                .defaultIfEmpty(exchange.mutate().request(request -> request.headers(IdentityHeadersFilter::strip)).build())
                .flatMap(chain::filter);
    }

    private static ServerWebExchange withIdentity(ServerWebExchange exchange, Jwt jwt) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            strip(headers);
            headers.set(TokenClaims.USER_ID_HEADER, jwt.getSubject());
            headers.set(TokenClaims.USER_ROLE_HEADER, jwt.getClaimAsString(TokenClaims.ROLE));
            String email = jwt.getClaimAsString(TokenClaims.EMAIL);
            if (email != null) {
                headers.set(TokenClaims.USER_EMAIL_HEADER, email);
            }
        }).build();
        return exchange.mutate().request(request).build();
    }

    private static void strip(HttpHeaders headers) {
        List<String> reserved = headers.headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(IDENTITY_HEADER_PREFIX))
                .toList();
        reserved.forEach(headers::remove);
    }

    @Override
    public int getOrder() {
        // before the route filters (circuit breaker) and the routing filter that sends the request
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
