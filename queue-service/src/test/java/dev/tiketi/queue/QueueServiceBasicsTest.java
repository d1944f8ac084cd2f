package dev.tiketi.queue;

import dev.tiketi.testsupport.ServiceBasicsContract;
import dev.tiketi.testsupport.ServiceIntegrationTest;

import java.util.List;

@ServiceIntegrationTest
class QueueServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("redis");
    }

    @Override
    protected String applicationName() {
        return "queue-service";
    }
}
