package dev.tiketi.gateway.web;

import dev.tiketi.gateway.config.GatewayProperties;
import dev.tiketi.gateway.problem.ProblemWriter;
import dev.tiketi.gateway.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds load the gateway cannot carry: past {@code tiketi.gateway.max-in-flight} requests in progress, a new one
 * gets an immediate 503 problem with {@code Retry-After} instead of joining a queue that grows until the heap runs
 * out (what the queue benchmark saw at a sale-opening rate: the gateway died with OutOfMemoryError and every buyer
 * lost). Runs before the token check, the costliest step, so a refusal costs next to nothing. Not counted: live
 * streams (SSE), which stay open for minutes while costing almost nothing between events, and the actuator, whose
 * metrics and health are what an operator needs most during exactly such a stampede.
 */
@Component
@Order(-145) // after CORS, so a browser can read the refusal; before Spring Security (-100)
class InFlightLimitFilter implements WebFilter {

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;
    private final ProblemWriter problems;

    InFlightLimitFilter(GatewayProperties properties, ProblemWriter problems, MeterRegistry meters) {
        this.maxInFlight = properties.maxInFlight();
        this.problems = problems;
        this.shed = Counter.builder("tiketi.gateway.requests.shed")
                .description("Requests refused with 503 because max-in-flight requests were in progress")
                .register(meters);
        Gauge.builder("tiketi.gateway.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests in progress, live streams not counted")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isExempt(exchange)) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            shed.increment();
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.OVERLOADED,
                    "Too many requests are in progress right now; try again in a second.",
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, "1"));
        }
        return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
    }

    /** Live streams and the actuator: not counted against any in-flight limit. */
    static boolean isExempt(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.startsWith("/actuator/") || path.endsWith("/stream")
                || exchange.getRequest().getHeaders().getAccept().contains(MediaType.TEXT_EVENT_STREAM);
    }
}
