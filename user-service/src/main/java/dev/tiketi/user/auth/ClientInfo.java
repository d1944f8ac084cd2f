package dev.tiketi.user.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Pattern;

/**
 * Who is attempting a login, for rate limits and the login history. The IP is the last hop of
 * X-Forwarded-For when present: that is the one the gateway in front of this service appended (the address
 * it saw the connection come from). Earlier hops were written by the client and would let it dodge the
 * per-IP limit by inventing addresses.
 */
record ClientInfo(String ip, String userAgent) {

    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int MAX_USER_AGENT = 512;

    static ClientInfo from(HttpServletRequest request) {
        String ip = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            String lastHop = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            if (IP.matcher(lastHop).matches()) {
                ip = lastHop;
            }
        }
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(ip, userAgent);
    }
}
