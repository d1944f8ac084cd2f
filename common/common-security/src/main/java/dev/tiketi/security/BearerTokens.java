package dev.tiketi.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of a request, exactly as Spring Security's {@link DefaultBearerTokenResolver} finds it with its
 * defaults: no token unless the Authorization header starts with "bearer" in any case; then it must read
 * {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitively, or the request is refused as a malformed
 * token. Checked by a loop instead of that regular expression, which ran over every character of every token and
 * was a thirteenth of reservation-service's CPU per hold (docs/benchmarks.md). A request that may carry the token
 * as an {@code access_token} parameter too (a GET, a form POST) is left to Spring's resolver, which refuses two
 * tokens and the parameter alone: only the header's check is replaced.
 */
final class BearerTokens implements BearerTokenResolver {

    private final DefaultBearerTokenResolver defaults = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        if (mayCarryParameterToken(request)) {
            return defaults.resolve(request);
        }
        return BearerTokenSyntax.token(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /**
     * Where Spring's resolver looks at request parameters as well (whether it then accepts them or not). A GET's
     * parameters come only from its query string (the servlet container reads no GET body), so a GET without one —
     * every queue-status poll — carries no parameter token and skips Spring's regular expression too.
     */
    private static boolean mayCarryParameterToken(HttpServletRequest request) {
        String method = request.getMethod();
        return (HttpMethod.GET.matches(method) && request.getQueryString() != null) || (HttpMethod.POST.matches(method)
                && MediaType.APPLICATION_FORM_URLENCODED_VALUE.equals(request.getContentType()));
    }
}
