package dev.tiketi.gateway.web;

import dev.tiketi.clientaddress.ClientAddressRule;
import dev.tiketi.gateway.config.GatewayProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;

/**
 * Who the client is, as an address, by the platform's one rule ({@link ClientAddressRule}): X-Forwarded-For
 * counts only when the TCP peer is one of the gateway's trusted proxies (the ingress, from
 * {@code tiketi.gateway.trusted-proxies}). With none configured, the default, the TCP peer is the client, so a
 * spoofed header can neither dodge a per-IP rate limit nor frame someone else.
 */
@Component
public class ClientAddressResolver {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String ATTRIBUTE = ClientAddressResolver.class.getName() + ".clientAddress";

    private final ClientAddressRule rule;

    public ClientAddressResolver(GatewayProperties properties) {
        this.rule = ClientAddressRule.trusting(properties.trustedProxies());
    }

    /** The request's client address, worked out once per request (the rate limits and the headers filter ask). */
    public String clientAddress(ServerWebExchange exchange) {
        String address = exchange.getAttribute(ATTRIBUTE);
        if (address == null) {
            address = clientAddress(exchange.getRequest());
            exchange.getAttributes().put(ATTRIBUTE, address);
        }
        return address;
    }

    /** The client's address, never null ("unknown" when the server cannot tell). */
    public String clientAddress(ServerHttpRequest request) {
        String peer = peerAddress(request);
        return peer == null ? "unknown"
                : rule.clientAddress(peer, request.getHeaders().getValuesAsList(X_FORWARDED_FOR));
    }

    private static String peerAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
