package dev.tiketi.security;

import dev.tiketi.web.problem.ProblemResponseWriter;
import dev.tiketi.web.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * 401 and 403 from the security filter chain as problem details, with the Bearer challenge on 401. A token
 * that cannot be checked at all (the issuer's keys or the revocation store unreachable) is a 503: refused,
 * because nothing unchecked gets in, but not blamed on the client.
 */
public class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationFailureHandler {

    private final ProblemResponseWriter writer;

    public ProblemAuthenticationHandlers(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenSent = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        writer.write(response, ProblemTypes.of(HttpStatus.UNAUTHORIZED,
                tokenSent ? "invalid-token" : "authentication-required",
                tokenSent ? "The access token is invalid, expired or revoked." : "Sign in to continue."));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "5");
            writer.write(response, ProblemTypes.of(HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable",
                    "Sign-in checks are temporarily unavailable. Please try again shortly."));
            return;
        }
        commence(request, response, e);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        writer.write(response, ProblemTypes.of(HttpStatus.FORBIDDEN, "access-denied",
                "You are not allowed to do this."));
    }
}
