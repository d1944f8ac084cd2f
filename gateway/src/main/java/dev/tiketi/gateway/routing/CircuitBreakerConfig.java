package dev.tiketi.gateway.routing;

import dev.tiketi.gateway.config.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

import java.util.concurrent.TimeoutException;

/**
 * The breakers the routes' CircuitBreaker filters create, one per service name. Slowness is bounded by the
 * HTTP client's response timeout; Resilience4j's own time limiter is off
 * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}) so there is one timeout, not two.
 *
 * <p>Only a service that cannot be reached counts as a failure, not one that answers late: a saturated but
 * working service (a payment taking seconds under a busy CPU) must not be turned into refusals for everyone.
 * An open breaker half-opens on its own timer after a short wait, so a service that is back is tried again at
 * once rather than on the first request after the wait.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfig {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(GatewayProperties properties) {
        GatewayProperties.CircuitBreaker settings = properties.circuitBreaker();
        io.github.resilience4j.circuitbreaker.CircuitBreakerConfig config =
                io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                        .slidingWindowType(SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.slidingWindowSize())
                        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                        .failureRateThreshold(settings.failureRateThreshold())
                        .waitDurationInOpenState(settings.waitDurationInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(settings.permittedNumberOfCallsInHalfOpenState())
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .recordException(failure -> !isTimeout(failure))
                        .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                .build());
    }

    /** What the HTTP client's response timeout raises (SCG turns its TimeoutException into a 504). */
    static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException
                || failure instanceof ResponseStatusException status && status.getStatusCode().value() == 504;
    }
}
