package dev.tiketi.payment.support;

import dev.tiketi.testsupport.ServiceIntegrationTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole payment-service against real PostgreSQL, Redis and Kafka, with short PG timings and the two
 * background jobs off: tests run reconciliation and refunds themselves, so each happens exactly when asked
 * (a cached context's scheduler would otherwise act in the middle of another test class).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "tiketi.payment.pg-timeout=2s",
        "tiketi.payment.simulated.slow-latency=800ms",
        "tiketi.payment.simulated.hang=5s",
        "tiketi.payment.inquiry-retry.backoff=50ms",
        "tiketi.payment.circuit-breaker.wait-in-open-state=3s",
        "tiketi.payment.reconcile.enabled=false",
        "tiketi.payment.reconcile.pending-after=2100ms",
        "tiketi.payment.reconcile.backoff=300ms",
        "tiketi.payment.refund.enabled=false",
        "tiketi.payment.refund.backoff=300ms"})
public @interface PaymentServiceTest {
}
