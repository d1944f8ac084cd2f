package dev.tiketi.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services the client's address in X-Forwarded-For. Spring Cloud Gateway's own X-Forwarded
 * filter is off (no {@code spring.cloud.gateway.server.webflux.trusted-proxies}), so its
 * RemoveXForwardedHeadersFilter (order 0) drops every client-sent X-Forwarded-* and Forwarded header
 * first; this runs after it and writes the one address {@link ClientAddressResolver} settled on. A service
 * trusts the gateway ({@code tiketi.trusted-proxies}) and so takes that address as the client, without having
 * to know the ingress in front of the gateway as well.
 */
@Component
class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

    private final ClientAddressResolver resolver;

    ClientAddressHeadersFilter(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        updated.set(ClientAddressResolver.X_FORWARDED_FOR, resolver.clientAddress(exchange));
        return updated;
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
