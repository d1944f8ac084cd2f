package dev.tiketi.user.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is attempting a login, for rate limits and the login history. The address is the request's remote
 * address, which common-web's ClientAddressFilter has already resolved from the trusted proxies: the client
 * the gateway saw, never an X-Forwarded-For the client wrote itself.
 */
record ClientInfo(String ip, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    static ClientInfo from(HttpServletRequest request) {
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(request.getRemoteAddr(), userAgent);
    }
}
