package dev.tiketi.runtime;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Adds the platform-wide defaults (topology, actuator, logging, shutdown) with the lowest precedence, so
 * that a service's own application.yml and the environment can still override any of them. A
 * {@code spring.config.import} would do the opposite: imported files win over the importing one.
 */
public class RuntimeDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Highest precedence first; {@code tiketi-messaging.yml} is there only where common-messaging is. */
    static final List<String> DEFAULTS = List.of("tiketi-messaging.yml", "tiketi-runtime.yml", "tiketi-topology.yml");

    private final YamlPropertySourceLoader loader = new YamlPropertySourceLoader();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String resource : DEFAULTS) {
            String name = "tiketi-defaults:" + resource;
            ClassPathResource file = new ClassPathResource(resource);
            if (environment.getPropertySources().contains(name) || !file.exists()) {
                continue;
            }
            try {
                for (PropertySource<?> source : loader.load(name, file)) {
                    environment.getPropertySources().addLast(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
