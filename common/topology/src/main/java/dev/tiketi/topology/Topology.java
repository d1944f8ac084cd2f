package dev.tiketi.topology;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Process names and ports as written in {@code tiketi-topology.yml}, for code that is not a Spring
 * application (the platform launcher, tests that check manifests against it).
 */
public record Topology(Map<String, Integer> ports) {

    public static final String RESOURCE = "tiketi-topology.yml";

    /** The Spring Boot services, in the order the platform starts them (the gateway last). */
    public static final List<String> SERVICES = List.of(
            "user-service", "event-service", "queue-service", "reservation-service", "payment-service", "gateway");

    public static Topology load() {
        try (InputStream in = Topology.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, Object> root = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            Map<String, Object> tiketi = (Map<String, Object>) root.get("tiketi");
            @SuppressWarnings("unchecked")
            Map<String, Integer> ports = (Map<String, Integer>) tiketi.get("ports");
            return new Topology(Map.copyOf(new LinkedHashMap<>(ports)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + name + " in " + RESOURCE);
        }
        return port;
    }
}
