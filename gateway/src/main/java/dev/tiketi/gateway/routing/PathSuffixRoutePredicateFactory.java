package dev.tiketi.gateway.routing;

import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.GatewayPredicate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;
import java.util.function.Predicate;

/**
 * {@code PathSuffix=/stream}: matches paths ending with the suffix at any depth. Path patterns cannot say
 * "/api/queue/**&#47;stream", and the long-lived SSE routes are told apart exactly this way.
 */
@Component
public class PathSuffixRoutePredicateFactory extends AbstractRoutePredicateFactory<PathSuffixRoutePredicateFactory.Config> {

    public PathSuffixRoutePredicateFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("suffix");
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        String suffix = config.getSuffix();
        return new GatewayPredicate() {
            @Override
            public boolean test(ServerWebExchange exchange) {
                return exchange.getRequest().getPath().value().endsWith(suffix);
            }

            @Override
            public String toString() {
                return "PathSuffix: " + suffix;
            }
        };
    }

    /** Mutable because the gateway binds route arguments through setters. */
    public static class Config {

        private String suffix;

        public String getSuffix() {
            return suffix;
        }

        public void setSuffix(String suffix) {
            this.suffix = suffix;
        }
    }
}
