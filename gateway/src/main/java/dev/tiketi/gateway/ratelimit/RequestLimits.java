package dev.tiketi.gateway.ratelimit;

import dev.tiketi.gateway.config.GatewayProperties;
import dev.tiketi.gateway.web.ClientAddressResolver;
import dev.tiketi.security.RevocationMirror;
import dev.tiketi.security.TokenRevocation;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import io.netty.channel.EventLoop;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The {@code tiketi.gateway.rate-limits} rules and the access token's revocation check, without a Redis round
 * trip per request: requests are counted in memory and shared with the other replicas in batches
 * ({@link WindowCounters}: exact with one replica, ahead of the limit by at most a sync interval's requests per
 * other replica with several), and revocations are read from memory ({@link RevocationMirror}: every revocation
 * older than its max staleness, 1.5 s by default, is known). A request with a token is counted by the token check
 * ({@link #checkToken}), one without by {@link RateLimitFilter}. A revoked token's request is not counted: someone
 * replaying a revoked token must not use up its user's budget.
 *
 * <p>When the mirror has not read Redis for longer than its max staleness, the revocation is asked of Redis per
 * request, as it was before the mirror; its reply arrives on the one Lettuce event-loop thread that serves the
 * shared Redis connection, and whatever subscribed to it would run there: the rest of the request (security,
 * routing, the proxied call). All of the gateway's requests would then queue on that one thread, so the reply is
 * handed back to the event loop of the request's own connection, where the request started and where its
 * response is written; Lettuce's thread only decodes replies.
 */
@Component
public class RequestLimits {

    private static final String KEY_PREFIX = "gateway:rate:";

    /** The requests' counts, once counted; {@link RateLimitFilter} answers from them. */
    static final String COUNTED_ATTRIBUTE = RequestLimits.class.getName() + ".counted";
    private static final String MATCHING_ATTRIBUTE = RequestLimits.class.getName() + ".matching";

    private final List<Rule> rules;
    private final WindowCounters counters;
    private final RevocationMirror revocations;
    private final ReactiveStringRedisTemplate redis;
    private final ClientAddressResolver clients;
    /** One scheduler per server event loop (a handful), made on first use. */
    private final ConcurrentMap<EventLoop, Scheduler> eventLoops = new ConcurrentHashMap<>();

    RequestLimits(GatewayProperties properties, WindowCounters counters, RevocationMirror revocations,
                  ReactiveStringRedisTemplate redis, ClientAddressResolver clients) {
        this.rules = properties.rateLimits().entrySet().stream().map(Rule::of).toList();
        this.counters = counters;
        this.revocations = revocations;
        this.redis = redis;
        this.clients = clients;
    }

    /**
     * Whether the (verified) token is revoked; if not, the request is counted against every rule it matches
     * ({@code exchange} null: only the revocation is checked).
     */
    public Mono<Boolean> checkToken(Jwt jwt, ServerWebExchange exchange) {
        if (revocations.isCurrent()) {
            boolean revoked = revocations.isRevoked(jwt.getId(), jwt.getSubject(), jwt.getIssuedAt());
            return Mono.just(countUnlessRevoked(revoked, jwt, exchange));
        }
        return redis.opsForValue().multiGet(TokenRevocation.keys(jwt.getId(), jwt.getSubject()))
                .map(entries -> TokenRevocation.isRevoked(entries, jwt.getIssuedAt()))
                .publishOn(continueOn(exchange))
                .map(revoked -> countUnlessRevoked(revoked, jwt, exchange));
    }

    private boolean countUnlessRevoked(boolean revoked, Jwt jwt, ServerWebExchange exchange) {
        if (!revoked && exchange != null) {
            List<Counted> counted = count(exchange, jwt.getSubject());
            if (!counted.isEmpty()) {
                exchange.getAttributes().put(COUNTED_ATTRIBUTE, counted);
            }
        }
        return revoked;
    }

    /** Counts a request the token check did not count (no token): its rules keyed by the client's address. */
    List<Counted> count(ServerWebExchange exchange) {
        return count(exchange, null);
    }

    /**
     * Counts the request under every matching rule; a rule keyed by user counts only a request with one (without:
     * the token check already refused the request, or the rule names a public path by mistake).
     */
    private List<Counted> count(ServerWebExchange exchange, String user) {
        List<Rule> matching = matching(exchange);
        if (matching.isEmpty()) {
            return List.of();
        }
        List<Counted> counted = new ArrayList<>(matching.size());
        for (Rule rule : matching) {
            if (user == null && rule.limit().key() == GatewayProperties.KeyType.USER) {
                continue;
            }
            String key = rule.redisKey(rule.clientKey(exchange, clients, user));
            WindowCounters.Count count = counters.add(key, rule.limit().window());
            int limit = rule.limit().limit();
            counted.add(new Counted(rule, key, new Decision(count.count() <= limit, limit,
                    Math.max(0, limit - count.count()), count.resetIn())));
        }
        return counted;
    }

    /** Takes back one request counted under {@code each} (never below zero). */
    void giveBack(Counted each) {
        counters.giveBack(each.key());
    }

    /** The rules matching the request, worked out once per request. */
    List<Rule> matching(ServerWebExchange exchange) {
        List<Rule> matching = exchange.getAttribute(MATCHING_ATTRIBUTE);
        if (matching == null) {
            matching = List.of();
            for (Rule rule : rules) {
                if (rule.matches(exchange)) {
                    matching = matching.isEmpty() ? List.of(rule) : append(matching, rule);
                }
            }
            exchange.getAttributes().put(MATCHING_ATTRIBUTE, matching);
        }
        return matching;
    }

    private static List<Rule> append(List<Rule> rules, Rule rule) {
        List<Rule> longer = new ArrayList<>(rules);
        longer.add(rule);
        return longer;
    }

    /**
     * Where the request goes on after Redis's reply: its connection's event loop, or, for a request not served by
     * reactor-netty (none in production) or no request at all, Reactor's parallel workers; never Lettuce's thread.
     */
    private Scheduler continueOn(ServerWebExchange exchange) {
        if (exchange != null && nativeRequest(exchange) instanceof Connection connection) {
            return eventLoops.computeIfAbsent(connection.channel().eventLoop(), Schedulers::fromExecutor);
        }
        return Schedulers.parallel();
    }

    private static Object nativeRequest(ServerWebExchange exchange) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (IllegalArgumentException notAdapted) {
            return null;
        }
    }

    /** @param key the counter's key: rule and client */
    record Counted(Rule rule, String key, Decision decision) {
    }

    /**
     * @param resetIn time until the window ends and the client may try again
     */
    record Decision(boolean allowed, int limit, long remaining, Duration resetIn) {

        long retryAfterSeconds() {
            // round up: retrying after a truncated value would still be refused
            return Math.max(1, (resetIn.toMillis() + 999) / 1000);
        }
    }

    record Rule(String name, GatewayProperties.RateLimit limit, Set<HttpMethod> methods, List<PathPattern> patterns,
                String keyPrefix) {

        static Rule of(Map.Entry<String, GatewayProperties.RateLimit> entry) {
            GatewayProperties.RateLimit limit = entry.getValue();
            PathPatternParser parser = PathPatternParser.defaultInstance;
            return new Rule(entry.getKey(), limit,
                    limit.methods().stream().map(m -> HttpMethod.valueOf(m.toUpperCase(Locale.ROOT)))
                            .collect(Collectors.toUnmodifiableSet()),
                    limit.paths().stream().map(parser::parse).toList(),
                    KEY_PREFIX + entry.getKey() + ":");
        }

        boolean matches(ServerWebExchange exchange) {
            if (!methods.isEmpty() && !methods.contains(exchange.getRequest().getMethod())) {
                return false;
            }
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            for (PathPattern pattern : patterns) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }

        String clientKey(ServerWebExchange exchange, ClientAddressResolver clients, String user) {
            return switch (limit.key()) {
                case IP -> "ip:" + clients.clientAddress(exchange);
                case USER -> "user:" + user;
            };
        }

        String redisKey(String client) {
            return keyPrefix + client;
        }
    }
}
