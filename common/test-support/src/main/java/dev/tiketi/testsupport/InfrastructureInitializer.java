package dev.tiketi.testsupport;

import dev.tiketi.infra.InfrastructureEndpoints;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.Map;

/**
 * Points a Spring test context at the JVM's shared test infrastructure. The properties rank above the
 * service's own configuration but below a test's {@code @TestPropertySource} and {@code properties}, so a
 * test can still point one of them elsewhere (an unreachable JWKS, say).
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SOURCE_NAME = "tiketi-test-infrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        InfrastructureEndpoints endpoints = TestInfrastructure.endpoints();
        var infrastructure = new MapPropertySource(SOURCE_NAME, Map.of(
                "spring.datasource.url", endpoints.databaseUrl(),
                "spring.data.redis.host", endpoints.redisHost(),
                "spring.data.redis.port", Integer.toString(endpoints.redisPort()),
                "spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                "tiketi.security.jwk-set-uri", TestTokens.instance().jwkSetUri(),
                "tiketi.internal.secret", TestServiceTokens.SECRET,
                "management.tracing.sampling.probability", "0"));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        String testProperties = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(testProperties)) {
            sources.addAfter(testProperties, infrastructure);
        } else {
            sources.addFirst(infrastructure);
        }
    }
}
