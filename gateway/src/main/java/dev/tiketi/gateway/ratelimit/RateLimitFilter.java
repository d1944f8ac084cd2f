package dev.tiketi.gateway.ratelimit;

import dev.tiketi.gateway.problem.ProblemWriter;
import dev.tiketi.gateway.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Applies {@code tiketi.gateway.rate-limits} to every request they match, keyed by the client's address or
 * by the verified user id. Runs after Spring Security (order -100): a request with a token was counted there,
 * by the token check ({@link RequestLimits#checkToken}); one without is counted here. Counting needs no Redis
 * round trip ({@link WindowCounters}), so an unreachable Redis does not stop it: the replicas then count apart
 * until they can share their counts again. A request answered 503 (not served) is given back.
 */
@Component
@Order(0)
class RateLimitFilter implements WebFilter {

    private final RequestLimits limits;
    private final ProblemWriter problems;

    RateLimitFilter(RequestLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<RequestLimits.Counted> countedByTokenCheck = exchange.getAttribute(RequestLimits.COUNTED_ATTRIBUTE);
        return apply(exchange, chain, countedByTokenCheck != null ? countedByTokenCheck : limits.count(exchange));
    }

    private Mono<Void> apply(ServerWebExchange exchange, WebFilterChain chain, List<RequestLimits.Counted> counted) {
        if (counted.isEmpty()) {
            return chain.filter(exchange);
        }
        RequestLimits.Decision tightest = null;
        for (RequestLimits.Counted each : counted) {
            RequestLimits.Decision decision = each.decision();
            if (!decision.allowed()) {
                return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED,
                        "Too many requests. Please wait before trying again.",
                        h -> {
                            h.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                            h.set("X-RateLimit-Limit", Integer.toString(decision.limit()));
                            h.set("X-RateLimit-Remaining", "0");
                        });
            }
            if (tightest == null || decision.remaining() < tightest.remaining()) {
                tightest = decision;
            }
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(tightest.limit()));
        headers.set("X-RateLimit-Remaining", Long.toString(tightest.remaining()));
        return chain.filter(exchange).doOnSuccess(done -> giveBackIfRefused(exchange, counted));
    }

    /**
     * A 503 means the request was not served (load shed, breaker open, service down): it does not use up the
     * client's budget, or the retries a client makes during an outage would leave it rate-limited (429) for
     * the rest of the window once the service is back.
     */
    private void giveBackIfRefused(ServerWebExchange exchange, List<RequestLimits.Counted> counted) {
        var status = exchange.getResponse().getStatusCode();
        if (status != null && status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            counted.forEach(limits::giveBack);
        }
    }
}
