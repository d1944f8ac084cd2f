package dev.tiketi.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about the gateway's own behaviour that differs between environments. Routes live in
 * {@code spring.cloud.gateway.server.webflux.routes}; this is what surrounds them.
 *
 * @param trustedProxies comma-separated CIDR blocks of the proxies in front of the gateway (the ingress) whose
 *                       X-Forwarded-For is believed; empty means none, so the TCP peer is the client
 * @param maxRequestSize largest request body accepted
 * @param maxInFlight    requests in progress (live streams aside) beyond which new ones are refused with 503
 * @param serviceInFlight the same bound for each service on its own, so that one saturated service cannot hold
 *                       every slot of the gateway's and its callers are refused early rather than time out
 * @param rateLimits     rules by name; every rule matching a request is applied
 * @param rateLimitSync  how often the requests counted here are shared with the other replicas through Redis: with
 *                       several replicas, a client can get this much of its requests per other replica past a limit
 * @param sharedCache    the answers the services mark shareable, kept by the gateway
 */
@ConfigurationProperties("tiketi.gateway")
public record GatewayProperties(
        @DefaultValue("") String trustedProxies,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("1000") int maxInFlight,
        @DefaultValue ServiceInFlight serviceInFlight,
        @DefaultValue Cors cors,
        @DefaultValue Headers headers,
        @DefaultValue CircuitBreaker circuitBreaker,
        Map<String, RateLimit> rateLimits,
        @DefaultValue("100ms") Duration rateLimitSync,
        @DefaultValue SharedCache sharedCache) {

    public GatewayProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("tiketi.gateway.max-in-flight must be at least 1, was " + maxInFlight);
        }
        rateLimits = rateLimits == null ? Map.of() : rateLimits;
    }

    /**
     * Requests in progress to one service (live streams aside) beyond which new ones for it get 503 at once.
     *
     * @param max      the limit of every service not named in {@code services}
     * @param services a limit of their own for the services named (by the routes' {@code service} metadata)
     */
    public record ServiceInFlight(@DefaultValue("300") int max, Map<String, Integer> services) {

        public ServiceInFlight {
            services = services == null ? Map.of() : Map.copyOf(services);
            if (max < 1 || services.values().stream().anyMatch(limit -> limit < 1)) {
                throw new IllegalArgumentException("tiketi.gateway.service-in-flight limits must be at least 1, were "
                        + max + " and " + services);
            }
        }

        public int limitOf(String service) {
            return services.getOrDefault(service, max);
        }
    }

    /** Only these browser origins may call the API with credentials. */
    public record Cors(
            @DefaultValue({"http://localhost:5173", "http://localhost:8080"}) List<String> allowedOrigins,
            @DefaultValue({"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) List<String> allowedMethods,
            @DefaultValue({"Authorization", "Content-Type", "Accept", "Accept-Language", "Idempotency-Key", "X-Payment-Token",
                    "Last-Event-ID", "X-Requested-With"}) List<String> allowedHeaders,
            @DefaultValue({"Location", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"})
            List<String> exposedHeaders,
            @DefaultValue("1h") Duration maxAge) {
    }

    /** Security headers set on every response, whoever produced it. */
    public record Headers(
            @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; "
                    + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
            String contentSecurityPolicy,
            @DefaultValue("strict-origin-when-cross-origin") String referrerPolicy,
            @DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity,
            @DefaultValue("camera=(), microphone=(), geolocation=(), payment=(self)") String permissionsPolicy) {
    }

    /**
     * The gateway's shared cache of answers a service marked {@code Cache-Control: public} (the catalog's reads).
     *
     * @param maxTtl       the longest an answer is kept, whatever the service allows; zero keeps nothing
     * @param maxSize      all kept answers together (bodies and keys)
     * @param maxEntrySize the largest answer kept
     */
    public record SharedCache(
            @DefaultValue("60s") Duration maxTtl,
            @DefaultValue("32MB") DataSize maxSize,
            @DefaultValue("2MB") DataSize maxEntrySize) {

        public SharedCache {
            if (maxTtl.isNegative() || maxEntrySize.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tiketi.gateway.shared-cache: max-ttl must not be negative and "
                        + "max-entry-size must be below 2 GB, were " + maxTtl + " and " + maxEntrySize);
            }
        }
    }

    /** One Resilience4j breaker per downstream service, all with these settings. */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("5s") Duration waitDurationInOpenState,
            @DefaultValue("3") int permittedNumberOfCallsInHalfOpenState) {
    }

    /**
     * At most {@code limit} requests per {@code window} for one client.
     *
     * @param methods HTTP methods the rule applies to; empty means all
     * @param paths   path patterns ({@code /api/queue/**})
     * @param key     what identifies the client: its IP address or its user id
     */
    public record RateLimit(Set<String> methods, List<String> paths, KeyType key, int limit, Duration window) {

        public RateLimit {
            methods = methods == null ? Set.of() : Set.copyOf(methods);
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }

    public enum KeyType { IP, USER }
}
