package dev.tiketi.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;

/**
 * Puts the request into the Reactor context ahead of the security chain, so that the token check, which Spring
 * Security hands only the token, can count the request against its rate limits in the same Redis call
 * ({@link RevocationCheckingJwtDecoder}).
 */
@Component
class ExchangeContextFilter extends ServerWebExchangeContextFilter implements Ordered {

    @Override
    public int getOrder() {
        return -160; // before CORS (-150), the in-flight limit (-145) and Spring Security (-100)
    }
}
