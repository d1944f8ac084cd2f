package dev.tiketi.payment.gateway;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.payment.gateway.GatewayException.Failure;
import dev.tiketi.payment.gateway.simulated.SimulatedPaymentGateway;
import dev.tiketi.payment.gateway.toss.TossPaymentGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one {@link GuardedPaymentGateway} bean, around the PG chosen by {@code tiketi.payment.gateway}.
 * The providers themselves are not beans, so nothing can call a PG past the timeout and the breaker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class GatewayConfig {

    /** The breaker's name, also its metrics' {@code name} tag. */
    static final String BREAKER = "payment-gateway";

    private static final Logger log = LoggerFactory.getLogger(GatewayConfig.class);

    @Bean
    PgExchangeLog pgExchangeLog(JdbcClient jdbc, PaymentProperties properties, Clock clock) {
        return new PgExchangeLog(jdbc, new Redaction(List.of(properties.toss().secretKey())), clock);
    }

    @Bean
    CircuitBreaker paymentGatewayBreaker(PaymentProperties properties, MeterRegistry meters) {
        PaymentProperties.CircuitBreaker settings = properties.circuitBreaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                // new payments are refused while the breaker is OPEN (GuardedPaymentGateway.available) without
                // calling it, so only a timer can let the first trial call through once the wait is over
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(GatewayException.class)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        CircuitBreaker breaker = registry.circuitBreaker(BREAKER);
        breaker.getEventPublisher().onStateTransition(event -> log.warn("Payment gateway circuit breaker: {}",
                event.getStateTransition()));
        return breaker;
    }

    @Bean(destroyMethod = "close")
    ExecutorService paymentGatewayCalls() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    GuardedPaymentGateway paymentGateway(PaymentProperties properties, CircuitBreaker paymentGatewayBreaker,
                                         ExecutorService paymentGatewayCalls, JdbcClient jdbc,
                                         PgExchangeLog exchanges, Clock clock, MeterRegistry meters) {
        PaymentGateway provider = switch (properties.gateway()) {
            case SIMULATED -> new SimulatedPaymentGateway(jdbc, exchanges, properties.simulated(), clock);
            case TOSS -> new TossPaymentGateway(properties.toss(), properties.pgTimeout(), exchanges);
        };
        log.info("Payment gateway: {} (timeout {})", provider.provider(), properties.pgTimeout());
        return new GuardedPaymentGateway(provider, paymentGatewayBreaker, inquiryRetry(properties, meters),
                properties.pgTimeout(), paymentGatewayCalls);
    }

    /** Inquiries only; an open breaker or a refused request is not worth repeating at once. */
    private static Retry inquiryRetry(PaymentProperties properties, MeterRegistry meters) {
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(properties.inquiryRetry().attempts())
                .waitDuration(properties.inquiryRetry().backoff())
                .retryOnException(e -> e instanceof GatewayException failure
                        && failure.failure() != Failure.CIRCUIT_OPEN && failure.failure() != Failure.REJECTED)
                .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry.retry("payment-gateway-inquiry");
    }
}
