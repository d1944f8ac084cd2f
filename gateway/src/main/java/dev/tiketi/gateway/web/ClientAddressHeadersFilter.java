package dev.tiketi.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/**
 * Tells the services the client's address in X-Forwarded-For. Spring Cloud Gateway's own X-Forwarded
 * filter is off (no {@code spring.cloud.gateway.server.webflux.trusted-proxies}), so its
 * RemoveXForwardedHeadersFilter (order 0) drops every client-sent X-Forwarded-* and Forwarded header
 * first; this runs after it and writes the chain {@link ClientAddressResolver} believes.
 */
@Component
class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

    private final ClientAddressResolver resolver;

    ClientAddressHeadersFilter(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        List<String> chain = resolver.forwardedChain(exchange.getRequest());
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        updated.remove(ClientAddressResolver.X_FORWARDED_FOR);
        if (!chain.isEmpty()) {
            updated.set(ClientAddressResolver.X_FORWARDED_FOR, String.join(", ", chain));
        }
        return updated;
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
