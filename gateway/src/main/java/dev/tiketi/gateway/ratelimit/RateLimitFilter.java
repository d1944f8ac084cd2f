package dev.tiketi.gateway.ratelimit;

import dev.tiketi.gateway.config.GatewayProperties;
import dev.tiketi.gateway.problem.ProblemWriter;
import dev.tiketi.gateway.problem.Problems;
import dev.tiketi.gateway.web.ClientAddressResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code tiketi.gateway.rate-limits} to every request they match, keyed by the client's address or
 * by the verified user id. Runs after Spring Security (order -100) so that the user is known. If Redis is
 * unreachable the request is let through: the limits protect capacity, and refusing everyone during a Redis
 * hiccup would be the bigger outage (the services keep their own limits on login). A request answered 503
 * (not served) is given back.
 */
@Component
@Order(0)
class RateLimitFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final List<Rule> rules;
    private final RateLimiter limiter;
    private final ClientAddressResolver clients;
    private final ProblemWriter problems;

    RateLimitFilter(GatewayProperties properties, RateLimiter limiter, ClientAddressResolver clients,
                    ProblemWriter problems) {
        this.rules = properties.rateLimits().entrySet().stream().map(Rule::of).toList();
        this.limiter = limiter;
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<Rule> matching = rules.stream().filter(rule -> rule.matches(exchange)).toList();
        if (matching.isEmpty()) {
            return chain.filter(exchange);
        }
        return Flux.fromIterable(matching)
                .concatMap(rule -> clientKey(exchange, rule)
                        .flatMap(client -> limiter.acquire(rule.name(), client, rule.limit().limit(),
                                        rule.limit().window())
                                .map(decision -> new Counted(rule.name(), client, decision)))
                        .onErrorResume(e -> {
                            log.warn("Rate limit {} not checked: {}", rule.name(), e.toString());
                            return Mono.empty();
                        }))
                .collectList()
                .flatMap(counted -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    for (Counted each : counted) {
                        RateLimiter.Decision decision = each.decision();
                        if (!decision.allowed()) {
                            return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED,
                                    "Too many requests. Please wait before trying again.",
                                    h -> {
                                        h.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                                        h.set("X-RateLimit-Limit", Integer.toString(decision.limit()));
                                        h.set("X-RateLimit-Remaining", "0");
                                    });
                        }
                    }
                    counted.stream().map(Counted::decision)
                            .min((a, b) -> Long.compare(a.remaining(), b.remaining()))
                            .ifPresent(tightest -> {
                                headers.set("X-RateLimit-Limit", Integer.toString(tightest.limit()));
                                headers.set("X-RateLimit-Remaining", Long.toString(tightest.remaining()));
                            });
                    return chain.filter(exchange).then(Mono.defer(() -> giveBackIfRefused(exchange, counted)));
                });
    }

    /**
     * A 503 means the request was not served (load shed, breaker open, service down): it does not use up the
     * client's budget, or the retries a client makes during an outage would leave it rate-limited (429) for
     * the rest of the window once the service is back.
     */
    private Mono<Void> giveBackIfRefused(ServerWebExchange exchange, List<Counted> counted) {
        var status = exchange.getResponse().getStatusCode();
        if (status == null || status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return Mono.empty();
        }
        return Flux.fromIterable(counted)
                .concatMap(each -> limiter.giveBack(each.rule(), each.client())
                        .onErrorResume(e -> {
                            log.warn("Rate limit {} not given back: {}", each.rule(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    private Mono<String> clientKey(ServerWebExchange exchange, Rule rule) {
        return switch (rule.limit().key()) {
            case IP -> Mono.just("ip:" + clients.clientAddress(exchange.getRequest()));
            // no user: the token check already refused the request, or the rule names a public path by mistake
            case USER -> exchange.getPrincipal().map(principal -> "user:" + principal.getName());
        };
    }

    private record Counted(String rule, String client, RateLimiter.Decision decision) {
    }

    private record Rule(String name, GatewayProperties.RateLimit limit, List<PathPattern> patterns) {

        static Rule of(Map.Entry<String, GatewayProperties.RateLimit> entry) {
            PathPatternParser parser = PathPatternParser.defaultInstance;
            return new Rule(entry.getKey(), entry.getValue(),
                    entry.getValue().paths().stream().map(parser::parse).toList());
        }

        boolean matches(ServerWebExchange exchange) {
            String method = exchange.getRequest().getMethod().name();
            if (!limit.methods().isEmpty()
                    && limit.methods().stream().noneMatch(m -> m.toUpperCase(Locale.ROOT).equals(method))) {
                return false;
            }
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            return patterns.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }
}
