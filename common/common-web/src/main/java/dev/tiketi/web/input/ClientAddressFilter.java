package dev.tiketi.web.input;

import dev.tiketi.clientaddress.ClientAddressRule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;

/**
 * Makes {@code request.getRemoteAddr()} the client's address by the platform's one rule
 * ({@link ClientAddressRule}, trusted proxies from {@code tiketi.trusted-proxies}): behind the gateway it is the
 * address the gateway settled on, on a service's own port a client-written X-Forwarded-For counts for nothing
 * unless the caller is a trusted proxy. Everything downstream (login history, per-address limits, logs) just
 * asks the request.
 */
public class ClientAddressFilter extends OncePerRequestFilter {

    private final ClientAddressRule rule;

    public ClientAddressFilter(ClientAddressRule rule) {
        this.rule = rule;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = rule.clientAddress(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }
}
