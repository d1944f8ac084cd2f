package dev.tiketi.gateway.web;

import dev.tiketi.gateway.config.GatewayProperties;
import dev.tiketi.gateway.problem.ProblemWriter;
import dev.tiketi.gateway.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bulkhead per service, next to {@link InFlightLimitFilter}'s bound on the whole gateway: past
 * {@code tiketi.gateway.service-in-flight} requests in progress to one service, a new request for it gets an
 * immediate 503 {@code overloaded} with {@code Retry-After} — nothing was forwarded, so the web app's retry with
 * back-off is safe — instead of waiting out the 5 s response timeout for a 504 from a service that is saturated
 * but working. The other services keep their own slots, so one slow service cannot take all of the gateway's.
 * A global filter because only the matched route names the service; it runs before the route's circuit breaker,
 * which therefore never counts a refusal. Live streams are not counted, as in the global limit.
 */
@Component
class ServiceInFlightLimitFilter implements GlobalFilter, Ordered {

    /** Before the routes' own filters (numbered from 1), the circuit breaker among them. */
    static final int ORDER = -10;

    private final GatewayProperties.ServiceInFlight limits;
    private final ProblemWriter problems;
    private final MeterRegistry meters;
    private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();

    ServiceInFlightLimitFilter(GatewayProperties properties, ProblemWriter problems, MeterRegistry meters) {
        this.limits = properties.serviceInFlight();
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object service = route == null ? null : route.getMetadata().get("service");
        if (service == null || InFlightLimitFilter.isExempt(exchange)) {
            return chain.filter(exchange);
        }
        Bulkhead bulkhead = bulkheads.computeIfAbsent(service.toString(), this::bulkhead);
        if (bulkhead.inFlight.incrementAndGet() > bulkhead.limit) {
            bulkhead.inFlight.decrementAndGet();
            bulkhead.shed.increment();
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.OVERLOADED,
                    "Too many requests for this part of the service are in progress right now; try again in a second.",
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, "1"));
        }
        return chain.filter(exchange).doFinally(signal -> bulkhead.inFlight.decrementAndGet());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private Bulkhead bulkhead(String service) {
        AtomicInteger inFlight = new AtomicInteger();
        Gauge.builder("tiketi.gateway.service.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests in progress to one service, live streams not counted")
                .tag("service", service)
                .register(meters);
        Counter shed = Counter.builder("tiketi.gateway.service.requests.shed")
                .description("Requests refused with 503 because the service had its limit of requests in progress")
                .tag("service", service)
                .register(meters);
        return new Bulkhead(limits.limitOf(service), inFlight, shed);
    }

    private record Bulkhead(int limit, AtomicInteger inFlight, Counter shed) {
    }
}
