package dev.tiketi.gateway.security;

import dev.tiketi.gateway.problem.ProblemWriter;
import dev.tiketi.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem details, with the Bearer challenge (RFC 6750) on 401. */
@Component
class ProblemAuthenticationHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemAuthenticationHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED,
                tokenSent ? Problems.INVALID_TOKEN : Problems.AUTHENTICATION_REQUIRED,
                tokenSent ? "The access token is invalid, expired or revoked." : "Sign in to continue.",
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
                        tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer"));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, Problems.ACCESS_DENIED,
                "You are not allowed to do this.");
    }
}
