package dev.tiketi.gateway.web;

import dev.tiketi.gateway.routing.ProxiedRequestHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services the client's address in X-Forwarded-For. Spring Cloud Gateway's own X-Forwarded
 * filter is off (no {@code spring.cloud.gateway.server.webflux.trusted-proxies}), so its
 * RemoveXForwardedHeadersFilter (order 0) drops every client-sent X-Forwarded-* and Forwarded header
 * first; this is written after it ({@code ProxiedHeadersFilter} runs last) and carries the one address {@link ClientAddressResolver} settled on. A service
 * trusts the gateway ({@code tiketi.trusted-proxies}) and so takes that address as the client, without having
 * to know the ingress in front of the gateway as well.
 */
@Component
class ClientAddressHeaders implements ProxiedRequestHeaders {

    private final ClientAddressResolver resolver;

    ClientAddressHeaders(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void write(HttpHeaders forwarded, ServerWebExchange exchange) {
        forwarded.set(ClientAddressResolver.X_FORWARDED_FOR, resolver.clientAddress(exchange));
    }
}
