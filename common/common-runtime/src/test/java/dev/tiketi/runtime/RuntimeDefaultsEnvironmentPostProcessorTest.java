package dev.tiketi.runtime;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeDefaultsEnvironmentPostProcessorTest {

    private final RuntimeDefaultsEnvironmentPostProcessor processor = new RuntimeDefaultsEnvironmentPostProcessor();

    @Test
    void derivedDefaultsResolveAgainstTheTopology() {
        StandardEnvironment environment = new StandardEnvironment();
        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("tiketi.security.jwk-set-uri"))
                .isEqualTo("http://localhost:8081/.well-known/jwks.json");
        assertThat(environment.getProperty("spring.data.redis.port")).isEqualTo("16379");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:19092");
    }

    @Test
    void anythingTheServiceOrTheEnvironmentSetsWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("deployment", Map.of(
                "tiketi.hosts.user-service", "user-service", "spring.data.redis.port", "6379")));
        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("tiketi.security.jwk-set-uri"))
                .isEqualTo("http://user-service:8081/.well-known/jwks.json");
        assertThat(environment.getProperty("spring.data.redis.port")).isEqualTo("6379");
    }
}
