package dev.tiketi.clientaddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who the client is, the same rule in the gateway and in every service. X-Forwarded-For is written by
 * whoever sends the request, so it is believed only when the TCP peer is a trusted proxy, and then read from
 * the right (the nearest hop) only as long as each hop is itself a trusted proxy: the first address that is
 * not one is the client. Anything further left was written by the client and is ignored, so a forged header
 * can neither dodge a per-address limit nor frame someone else. A hop that is not an IP address ends the walk
 * at the last address that was vouched for.
 */
public final class ClientAddressRule {

    /** The default: the platform's own processes, which on one machine all talk over loopback. */
    public static final String LOOPBACK = "127.0.0.0/8,::1/128";

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Cidr> trustedProxies;

    private ClientAddressRule(List<Cidr> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * @param trustedProxies comma-separated CIDR blocks or single addresses ({@code 10.0.0.0/8, ::1});
     *                       blank trusts no proxy, so the TCP peer is always the client
     * @throws IllegalArgumentException for an entry that is not an IP address or CIDR block
     */
    public static ClientAddressRule trusting(String trustedProxies) {
        List<Cidr> blocks = trustedProxies == null ? List.of() : Arrays.stream(trustedProxies.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(Cidr::parse)
                .toList();
        return new ClientAddressRule(blocks);
    }

    /**
     * The client's address.
     *
     * @param peer          the TCP peer's address
     * @param forwardedFor  the X-Forwarded-For header values as received (each may list several hops), or empty
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        List<String> chain = believedChain(peer, forwardedFor);
        return chain.isEmpty() ? peer : chain.getFirst();
    }

    /** The believed part of the forwarding chain, client first, ending with the peer; empty without a peer. */
    public List<String> believedChain(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = parse(peer);
        if (peerAddress.isEmpty()) {
            return peer == null || peer.isBlank() ? List.of() : List.of(peer);
        }
        List<String> chain = new ArrayList<>(List.of(peerAddress.get().getHostAddress()));
        if (!isTrusted(peerAddress.get())) {
            return chain;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            chain.addFirst(hop.get().getHostAddress());
            if (!isTrusted(hop.get())) {
                break;
            }
        }
        return chain;
    }

    public boolean isTrustedProxy(String address) {
        return parse(address).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(block -> block.contains(address));
    }

    /** An IP literal, never a host name: nothing here may trigger a DNS lookup. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.isEmpty() || literal.length() > 45 || !IP_LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = ClientAddressRule.parse(slash < 0 ? entry : entry.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + entry));
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + entry, e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range: " + entry);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - remainingBits) & 0xFF;
            return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
