package dev.tiketi.payment;

import dev.tiketi.testsupport.ServiceBasicsContract;
import dev.tiketi.testsupport.ServiceIntegrationTest;

import java.util.List;

@ServiceIntegrationTest
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
