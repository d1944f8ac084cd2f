package dev.tiketi.payment;

import dev.tiketi.testsupport.ServiceBasicsContract;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

/**
 * The platform's contract for every service. Its own context (the feature tests share another): its
 * background jobs and its Kafka consumer stay off, so that it cannot act on the feature tests' payments.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "tiketi.payment.reconcile.enabled=false",
        "tiketi.payment.refund.enabled=false",
        "spring.kafka.listener.auto-startup=false"})
class PaymentServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "redis", "kafka");
    }

    @Override
    protected String applicationName() {
        return "payment-service";
    }
}
