package dev.tiketi.testsupport;

import dev.tiketi.infra.InfrastructureEndpoints;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring test context at the JVM's shared test infrastructure. */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        InfrastructureEndpoints endpoints = TestInfrastructure.endpoints();
        TestPropertyValues.of(
                "spring.datasource.url=" + endpoints.databaseUrl(),
                "spring.data.redis.host=" + endpoints.redisHost(),
                "spring.data.redis.port=" + endpoints.redisPort(),
                "spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers(),
                "tiketi.security.jwk-set-uri=" + TestTokens.instance().jwkSetUri(),
                "management.tracing.sampling.probability=0"
        ).applyTo(context);
    }
}
