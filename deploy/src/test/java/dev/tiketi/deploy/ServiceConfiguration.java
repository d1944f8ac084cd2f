package dev.tiketi.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own configuration says: its application.yml, the shared defaults every service loads
 * (common-runtime, common-messaging) and the topology, read from the source tree, so that a property or
 * environment variable renamed there fails the deploy checks.
 */
record ServiceConfiguration(String service, Map<String, Object> applicationYml, Set<String> environmentNames) {

    static final List<String> SHARED_FILES = List.of(
            "common/topology/src/main/resources/tiketi-topology.yml",
            "common/common-runtime/src/main/resources/tiketi-runtime.yml",
            "common/common-messaging/src/main/resources/tiketi-messaging.yml");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PROPERTIES_PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)");

    static ServiceConfiguration of(String service) {
        String applicationYmlPath = service + "/src/main/resources/application.yml";
        Map<String, Object> applicationYml = Yamls.map(new Yaml(new LoaderOptions()).load(Repository.read(applicationYmlPath)));
        Set<String> names = new HashSet<>();
        for (String file : Stream.concat(Stream.of(applicationYmlPath), SHARED_FILES.stream()).toList()) {
            String text = Repository.read(file);
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                names.add(placeholder.group(1));
            }
            Set<String> keys = new HashSet<>();
            Yamls.flatten("", new Yaml(new LoaderOptions()).load(text), keys);
            keys.forEach(key -> names.add(environmentName(key)));
        }
        return new ServiceConfiguration(service, applicationYml, Set.copyOf(names));
    }

    /** Spring's relaxed binding of a property to an environment variable: tiketi.hosts.user-service -> TIKETI_HOSTS_USER_SERVICE. */
    static String environmentName(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }

    /**
     * Whether the service reads this environment variable: a placeholder or a key of its configuration files,
     * or a component of one of its {@code @ConfigurationProperties} records (e.g. TIKETI_KAFKA_REPLICATION_FACTOR
     * for common-messaging's {@code tiketi.kafka} record's {@code replicationFactor}).
     */
    boolean reads(String environmentName) {
        return environmentNames.contains(environmentName) || boundByPropertiesRecord(environmentName);
    }

    private boolean boundByPropertiesRecord(String environmentName) {
        try (Stream<Path> sources = Stream.of(Repository.path(service + "/src/main/java"), Repository.path("common"))
                .flatMap(ServiceConfiguration::javaFiles)) {
            return sources.anyMatch(source -> {
                String text = read(source);
                Matcher prefix = PROPERTIES_PREFIX.matcher(text);
                if (!prefix.find() || !environmentName.startsWith(environmentName(prefix.group(1)) + "_")) {
                    return false;
                }
                String rest = environmentName.substring(environmentName(prefix.group(1)).length() + 1);
                return Pattern.compile("\\b" + camelCase(rest) + "\\b").matcher(text).find();
            });
        }
    }

    boolean hasDatabase() {
        return Yamls.find(applicationYml, "spring.datasource.url").isPresent();
    }

    private static String camelCase(String upperSnake) {
        StringBuilder camel = new StringBuilder();
        for (String word : upperSnake.toLowerCase().split("_")) {
            camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }

    private static Stream<Path> javaFiles(Path directory) {
        try {
            return Files.walk(directory).filter(path -> path.toString().endsWith(".java")
                    && path.toString().contains("/src/main/")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
