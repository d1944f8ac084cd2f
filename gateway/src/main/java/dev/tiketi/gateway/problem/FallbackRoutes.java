package dev.tiketi.gateway.problem;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import dev.tiketi.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Where a route's circuit breaker forwards when the call failed, timed out or was not even tried because
 * the breaker is open: {@code forward:/fallback/{service}}. Any method, as the original request keeps its.
 * Only a forward from a route gets an answer: a client asking for {@code /fallback/...} itself gets 404.
 * Every 503 says when to try again ({@code Retry-After}): after the breaker's wait when it is open.
 */
@Configuration(proxyBeanMethods = false)
public class FallbackRoutes {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    @Bean
    RouterFunction<ServerResponse> fallbackRoute(ProblemWriter problems, GatewayProperties properties) {
        Duration openFor = properties.circuitBreaker().waitDurationInOpenState();
        return route(path("/fallback/{service}"), request -> fallback(request, problems, openFor));
    }

    private static Mono<ServerResponse> fallback(ServerRequest request, ProblemWriter problems, Duration openFor) {
        String service = request.pathVariable("service");
        if (request.attribute(GATEWAY_ROUTE_ATTR).isEmpty() || !SERVICE_NAME.matcher(service).matches()) {
            return respond(request, problems, HttpStatus.NOT_FOUND, Problems.codeFor(HttpStatus.NOT_FOUND),
                    Problems.detailFor(HttpStatus.NOT_FOUND));
        }
        Throwable failure = request.attribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR)
                .map(Throwable.class::cast).orElse(null);
        if (failure instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
            return respond(request, problems, HttpStatus.GATEWAY_TIMEOUT, Problems.UPSTREAM_TIMEOUT,
                    service + " did not answer in time.");
        }
        boolean open = failure instanceof CallNotPermittedException;
        String detail = open
                ? service + " is unavailable (circuit open after repeated failures). Please try again shortly."
                : service + " is unavailable. Please try again shortly.";
        // an open breaker lets a trial call through after its wait; a refused connection (a service restarting)
        // is worth another try soon
        long retryAfterSeconds = open ? Math.max(1, openFor.toSeconds()) : ProblemWriter.DEFAULT_RETRY_AFTER_SECONDS;
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problems.body(request.exchange().getRequest().getPath().value(),
                        HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE, detail));
    }

    private static Mono<ServerResponse> respond(ServerRequest request, ProblemWriter problems,
                                                HttpStatusCode status, String code, String detail) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problems.body(request.exchange().getRequest().getPath().value(), status, code, detail));
    }
}
