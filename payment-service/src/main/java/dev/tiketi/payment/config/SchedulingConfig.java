package dev.tiketi.payment.config;

import dev.tiketi.payment.reconcile.Reconciler;
import dev.tiketi.payment.refund.RefundWorker;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/**
 * Runs reconciliation and the refund worker on every instance (their row claims keep instances apart),
 * each unless switched off ({@code tiketi.payment.reconcile.enabled}, {@code tiketi.payment.refund.enabled}).
 * A failed pass is logged and the next one runs as planned. Reconciliation's first pass runs at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig implements SchedulingConfigurer {

    private final Reconciler reconciler;
    private final RefundWorker refunds;
    private final PaymentProperties properties;

    SchedulingConfig(Reconciler reconciler, RefundWorker refunds, PaymentProperties properties) {
        this.reconciler = reconciler;
        this.refunds = refunds;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.reconcile().enabled()) {
            var interval = properties.reconcile().interval();
            // the first pass at once: payments left PENDING by an instance that died are settled as soon as
            // they are pending-after old, not an interval later
            registrar.addFixedDelayTask(new FixedDelayTask(reconciler::runOnce, interval, Duration.ZERO));
        }
        if (properties.refund().enabled()) {
            var interval = properties.refund().interval();
            registrar.addFixedDelayTask(new FixedDelayTask(refunds::runOnce, interval, interval));
        }
    }
}
