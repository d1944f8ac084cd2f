package dev.tiketi.serviceauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The callee's side: which platform services may call an internal endpoint. A service's security rules say,
 * next to its other rules, e.g. {@code .requestMatchers("/internal/events/**").access(internalCallers.only(
 * "reservation-service", "queue-service"))}. A request passes only with a genuine, current service token
 * ({@link ServiceCredentials#HEADER}) naming one of those callers; a user's token counts for nothing here.
 * A refused caller gets 401 (it has not shown who it is, as far as this endpoint goes), or 403 when it sent a
 * user's token.
 */
public class InternalCallers {

    private final ServiceTokens tokens;
    private final Clock clock;

    public InternalCallers(ServiceTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public AuthorizationManager<RequestAuthorizationContext> only(String... callers) {
        Set<String> allowed = Set.of(callers);
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                                 RequestAuthorizationContext context) {
                return new AuthorizationDecision(caller(context.getRequest()).map(allowed::contains).orElse(false));
            }
        };
    }

    private Optional<String> caller(HttpServletRequest request) {
        return tokens.verify(request.getHeader(ServiceCredentials.HEADER), clock.instant());
    }
}
