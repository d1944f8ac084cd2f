package dev.tiketi.gateway.security;

import dev.tiketi.gateway.routing.ProxiedRequestHeaders;
import dev.tiketi.security.TokenClaims;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;


/**
 * Downstream, X-User-* headers only ever carry what the gateway verified: whatever the client sent under
 * those names (in any spelling or case) is dropped, and the identity of a valid token is added.
 *
 * <p>Two steps. As a global filter it notes the authenticated token of the request (the security context is
 * reactive, so it is read here); as a rule of the proxied request's headers it writes them into the copy that is
 * sent, which the gateway makes anyway, instead of mutating the request (a copy of its headers, its address parsed
 * again and a new exchange, per request).
 */
@Component
class IdentityHeaders implements GlobalFilter, ProxiedRequestHeaders, Ordered {

    /** Every header starting with this is reserved for the identity the gateway verified. */
    private static final String IDENTITY_HEADER_PREFIX = "x-user-";
    private static final String IDENTITY_ATTRIBUTE = IdentityHeaders.class.getName() + ".token";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .doOnNext(principal -> {
                    if (principal instanceof JwtAuthenticationToken authentication) {
                        exchange.getAttributes().put(IDENTITY_ATTRIBUTE, authentication.getToken());
                    }
                })
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    @Override
    public boolean keeps(String name) {
        return !isIdentityHeader(name);
    }

    @Override
    public void write(HttpHeaders forwarded, ServerWebExchange exchange) {
        Jwt jwt = exchange.getAttribute(IDENTITY_ATTRIBUTE);
        if (jwt != null) {
            forwarded.set(TokenClaims.USER_ID_HEADER, jwt.getSubject());
            forwarded.set(TokenClaims.USER_ROLE_HEADER, jwt.getClaimAsString(TokenClaims.ROLE));
            String email = jwt.getClaimAsString(TokenClaims.EMAIL);
            if (email != null) {
                forwarded.set(TokenClaims.USER_EMAIL_HEADER, email);
            }
        }
    }

    private static boolean isIdentityHeader(String name) {
        // any case, without a lower-cased copy of every header name of every request
        return name.regionMatches(true, 0, IDENTITY_HEADER_PREFIX, 0, IDENTITY_HEADER_PREFIX.length());
    }

    /** As a global filter: before the route filters (circuit breaker) and the routing filter that sends the request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
