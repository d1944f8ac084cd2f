package dev.tiketi.gateway.security;

import dev.tiketi.security.BearerTokenSyntax;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of the Authorization header, exactly as Spring Security's ServerBearerTokenAuthenticationConverter
 * finds it with its defaults (header only; no {@code access_token} parameter): no token unless the header starts with
 * "bearer" in any case; then it must read {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitively, or
 * the request is refused as a malformed token. Checked by a loop instead of that regular expression, which ran over
 * every character of every token and was a twentieth of the gateway's CPU per request (GatewayCpuHarness).
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> {
            String token = BearerTokenSyntax.token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            return token == null ? null : new BearerTokenAuthenticationToken(token);
        });
    }
}
