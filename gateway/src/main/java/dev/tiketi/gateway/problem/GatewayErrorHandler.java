package dev.tiketi.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeoutException;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Every error the gateway raises itself (no route, wrong method, too large, downstream unreachable, bugs)
 * becomes a problem+json response, never Boot's default error body or a stack trace. Ordered before
 * Boot's handler, which backs off anyway because this is an {@link ErrorWebExceptionHandler} bean.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemWriter problems;

    public GatewayErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException statusError) {
            HttpStatusCode status = statusError.getStatusCode();
            if (status.is5xxServerError() && status.value() != 503 && status.value() != 504) {
                log.error("Request {} failed", exchange.getRequest().getPath(), error);
            }
            return problems.write(exchange, status, Problems.codeFor(status), Problems.detailFor(status),
                    headers -> headers.addAll(statusError.getHeaders()));
        }
        if (error instanceof DataBufferLimitException) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, Problems.REQUEST_TOO_LARGE,
                    Problems.detailFor(HttpStatus.CONTENT_TOO_LARGE));
        }
        if (Problems.isUnreachable(error) || error instanceof TimeoutException) {
            // Only streaming routes get here: the others have a circuit breaker with a fallback.
            String service = serviceOf(exchange);
            return error instanceof TimeoutException
                    ? problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, Problems.UPSTREAM_TIMEOUT,
                    service + " did not answer in time.")
                    : problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                    service + " is unavailable. Please try again shortly.");
        }
        if (error instanceof AuthenticationServiceException || error instanceof DataAccessException) {
            // The JWKS endpoint or the blacklist store cannot be reached: refuse (fail closed) but say why.
            log.warn("Cannot check access token for {}: {}", exchange.getRequest().getPath(), error.toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                    "Sign-in checks are temporarily unavailable. Please try again shortly.");
        }
        log.error("Request {} failed", exchange.getRequest().getPath(), error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR,
                Problems.detailFor(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Object service = route == null ? null : route.getMetadata().get("service");
        return service == null ? "The service" : service.toString();
    }
}
