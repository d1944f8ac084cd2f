package dev.tiketi.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/**
 * The gateway's own changes to a proxied request's headers ({@link ProxiedRequestHeaders}: identity, client
 * address, trace context), made in one copy of the headers. Spring Cloud Gateway hands every headers filter the
 * previous one's result, and a filter that changes anything copies all the headers first: with one filter per rule,
 * the three copies and their case-insensitive maps were 5 % of the gateway's CPU per hold (docs/benchmarks.md).
 */
@Component
class ProxiedHeadersFilter implements HttpHeadersFilter, Ordered {

    private final List<ProxiedRequestHeaders> rules;

    /** @param rules each writes headers of its own, so their order does not matter */
    ProxiedHeadersFilter(List<ProxiedRequestHeaders> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        input.forEach((name, values) -> {
            if (keptByAll(name)) {
                forwarded.put(name, values);
            }
        });
        rules.forEach(rule -> rule.write(forwarded, exchange));
        return forwarded;
    }

    private boolean keptByAll(String name) {
        for (ProxiedRequestHeaders rule : rules) {
            if (!rule.keeps(name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Last: after Spring Cloud Gateway's RemoveXForwardedHeadersFilter (order 0) has dropped the client's
     * X-Forwarded-* and Forwarded headers, and so that no other headers filter drops what the rules write.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
