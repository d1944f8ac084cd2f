package dev.tiketi.gateway.routing;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * One rule for the headers of a request the gateway sends on: which of the client's headers it drops, and what it
 * writes. {@link ProxiedHeadersFilter} applies every rule to one copy of the headers.
 */
public interface ProxiedRequestHeaders {

    /** Whether the client's header {@code name} (in the client's spelling) goes on; by default it does. */
    default boolean keeps(String name) {
        return true;
    }

    /** Writes this rule's headers into {@code forwarded}, the copy that is sent. */
    void write(HttpHeaders forwarded, ServerWebExchange exchange);
}
