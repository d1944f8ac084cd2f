package dev.tiketi.gateway.ratelimit;

import dev.tiketi.gateway.config.GatewayProperties;
import dev.tiketi.gateway.web.ClientAddressResolver;
import dev.tiketi.security.TokenRevocation;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Fixed-window counters in Redis for {@code tiketi.gateway.rate-limits}, shared by every gateway replica, and the
 * access token's revocation check, together in one round trip per request: a request with a token is counted by
 * the token check ({@link #checkToken}), in the same script call that reads the token's revocation entries, and
 * a request without one by {@link RateLimitFilter}. The window starts with a client's first request, so "10 per
 * minute" means exactly that from the client's point of view, and the key's remaining lifetime is the honest
 * Retry-After. A revoked token's request is not counted: someone replaying a revoked token must not use up its
 * user's budget. (The keys of one call live on different cluster slots: this needs one Redis, not a cluster.)
 *
 * <p>The script's reply arrives on the one Lettuce event-loop thread that serves the shared Redis connection, and
 * whatever subscribed to it would run there: the rest of the request (security, routing, the proxied call). All
 * of the gateway's requests would then queue on that one thread, a gateway capped near one core whatever its
 * CPU count (the capacity harness, GatewayCpuHarness#measureCapacity, saw it collapse there). So the reply is
 * handed back to the event loop of the request's own connection, where the request started and where its
 * response is written; Lettuce's thread only decodes replies.
 */
@Component
public class RequestLimits {

    /**
     * KEYS: the token's revocation entry and its user's cutoff (when ARGV[1] is 2; none when 0), then one
     * counter per rule. ARGV: how many revocation keys, the token's iat in epoch seconds (-1: none), then each
     * counter's window in milliseconds. Returns {revoked, count, ttl, count, ttl, ...}, only {1} when revoked.
     * The revocation rule is {@link TokenRevocation#isRevoked}'s: an entry for the jti, or an iat before the cutoff.
     */
    private static final RedisScript<List> SCRIPT = RedisScript.of("""
            local revocationKeys = tonumber(ARGV[1])
            if revocationKeys == 2 then
              if redis.call('EXISTS', KEYS[1]) == 1 then
                return {1}
              end
              local cutoff = redis.call('GET', KEYS[2])
              local issuedAt = tonumber(ARGV[2])
              if cutoff and issuedAt >= 0 and issuedAt < tonumber(cutoff) then
                return {1}
              end
            end
            local result = {0}
            for i = revocationKeys + 1, #KEYS do
              local window = ARGV[i - revocationKeys + 2]
              local count = redis.call('INCR', KEYS[i])
              local ttl = redis.call('PTTL', KEYS[i])
              if ttl < 0 then
                redis.call('PEXPIRE', KEYS[i], window)
                ttl = tonumber(window)
              end
              result[#result + 1] = count
              result[#result + 1] = ttl
            end
            return result
            """, List.class);

    private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
              return redis.call('DECR', KEYS[1])
            end
            return 0
            """, Long.class);

    private static final String KEY_PREFIX = "gateway:rate:";

    /** The requests' counts, once counted; {@link RateLimitFilter} answers from them. */
    static final String COUNTED_ATTRIBUTE = RequestLimits.class.getName() + ".counted";
    private static final String MATCHING_ATTRIBUTE = RequestLimits.class.getName() + ".matching";

    private final List<Rule> rules;
    private final ReactiveStringRedisTemplate redis;
    private final ClientAddressResolver clients;
    /** One scheduler per server event loop (a handful), made on first use. */
    private final ConcurrentMap<EventLoop, Scheduler> eventLoops = new ConcurrentHashMap<>();

    RequestLimits(GatewayProperties properties, ReactiveStringRedisTemplate redis, ClientAddressResolver clients) {
        this.rules = properties.rateLimits().entrySet().stream().map(Rule::of).toList();
        this.redis = redis;
        this.clients = clients;
    }

    /**
     * Whether the (verified) token is revoked; if not, the request is counted against every rule it matches
     * ({@code exchange} null: only the revocation is checked). One script call either way.
     */
    public Mono<Boolean> checkToken(Jwt jwt, ServerWebExchange exchange) {
        List<Rule> matching = exchange == null ? List.of() : matching(exchange);
        List<String> keys = new ArrayList<>(2 + matching.size());
        keys.addAll(TokenRevocation.keys(jwt.getId(), jwt.getSubject()));
        List<String> clientKeys = new ArrayList<>(matching.size());
        for (Rule rule : matching) {
            String client = rule.clientKey(exchange, clients, jwt.getSubject());
            clientKeys.add(client);
            keys.add(rule.redisKey(client));
        }
        Instant issuedAt = jwt.getIssuedAt();
        return run(keys, 2, issuedAt == null ? -1 : issuedAt.getEpochSecond(), matching, exchange)
                .map(result -> {
                    if (revoked(result)) {
                        return true;
                    }
                    if (exchange != null && !matching.isEmpty()) {
                        exchange.getAttributes().put(COUNTED_ATTRIBUTE, counted(result, matching, clientKeys));
                    }
                    return false;
                });
    }

    /** Counts a request the token check did not count (no token): its rules keyed by the client's address. */
    Mono<List<Counted>> count(ServerWebExchange exchange) {
        List<Rule> matching = new ArrayList<>();
        List<String> clientKeys = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Rule rule : matching(exchange)) {
            // a user rule with no user: the token check already refused the request, or the rule names a public
            // path by mistake
            if (rule.limit().key() == GatewayProperties.KeyType.IP) {
                String client = rule.clientKey(exchange, clients, null);
                matching.add(rule);
                clientKeys.add(client);
                keys.add(rule.redisKey(client));
            }
        }
        if (matching.isEmpty()) {
            return Mono.just(List.of());
        }
        return run(keys, 0, -1, matching, exchange).map(result -> counted(result, matching, clientKeys));
    }

    /** Takes back one request counted under {@code each} (never below zero). */
    Mono<Void> giveBack(Counted each) {
        return redis.execute(GIVE_BACK, List.of(each.rule().redisKey(each.client())), List.of()).then();
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

    private Mono<List> run(List<String> keys, int revocationKeys, long issuedAt, List<Rule> matching,
                           ServerWebExchange exchange) {
        List<String> args = new ArrayList<>(2 + matching.size());
        args.add(Integer.toString(revocationKeys));
        args.add(Long.toString(issuedAt));
        for (Rule rule : matching) {
            args.add(rule.windowMillis());
        }
        return redis.execute(SCRIPT, keys, args).next().publishOn(continueOn(exchange));
    }

    /**
     * Where the request goes on after the reply: its connection's event loop, or, for a request not served by
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

    private static boolean revoked(List<?> result) {
        return ((Number) result.getFirst()).longValue() == 1;
    }

    private static List<Counted> counted(List<?> result, List<Rule> matching, List<String> clientKeys) {
        List<Counted> counted = new ArrayList<>(matching.size());
        for (int i = 0; i < matching.size(); i++) {
            long count = ((Number) result.get(1 + 2 * i)).longValue();
            long ttlMillis = ((Number) result.get(2 + 2 * i)).longValue();
            int limit = matching.get(i).limit().limit();
            counted.add(new Counted(matching.get(i), clientKeys.get(i), new Decision(count <= limit, limit,
                    Math.max(0, limit - count), Duration.ofMillis(Math.max(ttlMillis, 0)))));
        }
        return counted;
    }

    record Counted(Rule rule, String client, Decision decision) {
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
                String keyPrefix, String windowMillis) {

        static Rule of(Map.Entry<String, GatewayProperties.RateLimit> entry) {
            GatewayProperties.RateLimit limit = entry.getValue();
            PathPatternParser parser = PathPatternParser.defaultInstance;
            return new Rule(entry.getKey(), limit,
                    limit.methods().stream().map(m -> HttpMethod.valueOf(m.toUpperCase(Locale.ROOT)))
                            .collect(Collectors.toUnmodifiableSet()),
                    limit.paths().stream().map(parser::parse).toList(),
                    KEY_PREFIX + entry.getKey() + ":", Long.toString(limit.window().toMillis()));
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
