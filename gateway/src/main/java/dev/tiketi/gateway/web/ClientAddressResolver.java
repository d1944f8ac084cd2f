package dev.tiketi.gateway.web;

import dev.tiketi.gateway.config.GatewayProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Who the client is, as an address. X-Forwarded-For is written by whoever sends the request, so it is
 * believed only when the TCP peer is a configured trusted proxy (the ingress), and then only up to the
 * first address that is not itself a trusted proxy. With no trusted proxies the TCP peer is the client,
 * so a spoofed header can neither dodge a per-IP rate limit nor frame someone else.
 */
@Component
public class ClientAddressResolver {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final Predicate<String> trustedProxy;

    public ClientAddressResolver(GatewayProperties properties) {
        String regex = properties.trustedProxies();
        this.trustedProxy = regex == null || regex.isBlank()
                ? address -> false
                : Pattern.compile(regex).asMatchPredicate();
    }

    /** The client's address, never null ("unknown" when the server cannot tell). */
    public String clientAddress(ServerHttpRequest request) {
        List<String> chain = forwardedChain(request);
        return chain.isEmpty() ? "unknown" : chain.getFirst();
    }

    /**
     * The believable part of the forwarding chain, client first, ending with the TCP peer; this is what
     * downstream services get as X-Forwarded-For.
     */
    public List<String> forwardedChain(ServerHttpRequest request) {
        String peer = peerAddress(request);
        if (peer == null) {
            return List.of();
        }
        List<String> chain = new ArrayList<>(List.of(peer));
        if (!trustedProxy.test(peer)) {
            return chain;
        }
        List<String> claimed = request.getHeaders().getValuesAsList(X_FORWARDED_FOR).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
        // Walk from the nearest hop outwards; stop after the first address a trusted proxy vouches for
        // that is not a proxy itself - anything further left was written by the client.
        for (int i = claimed.size() - 1; i >= 0; i--) {
            String address = claimed.get(i);
            chain.addFirst(address);
            if (!trustedProxy.test(address)) {
                break;
            }
        }
        return chain;
    }

    private static String peerAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
