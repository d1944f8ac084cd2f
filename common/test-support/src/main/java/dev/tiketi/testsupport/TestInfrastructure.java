package dev.tiketi.testsupport;

import dev.tiketi.infra.DatabaseBootstrap;
import dev.tiketi.infra.EmbeddedInfrastructure;
import dev.tiketi.infra.InfrastructureEndpoints;
import dev.tiketi.infra.ServiceDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.stream.Stream;

/**
 * PostgreSQL, Redis and Kafka for the tests of one JVM, started on first use and stopped when the JVM
 * exits. Containers when a Docker engine is reachable, the embedded servers otherwise; set
 * {@code TIKETI_TEST_INFRA=embedded} or {@code =containers} to choose.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private TestInfrastructure() {
    }

    public static InfrastructureEndpoints endpoints() {
        return Holder.ENDPOINTS;
    }

    /** Initialization-on-demand holder: started once, on first use, thread-safe without locks. */
    private static final class Holder {
        static final InfrastructureEndpoints ENDPOINTS = start();
    }

    private static InfrastructureEndpoints start() {
        String choice = System.getenv().getOrDefault("TIKETI_TEST_INFRA", "auto");
        boolean containers = switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
        log.info("Test infrastructure: {}", containers ? "Testcontainers" : "embedded servers");
        return containers ? startContainers() : startEmbedded();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static InfrastructureEndpoints startEmbedded() {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(EmbeddedInfrastructure.Ports.ANY, null);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "embedded-infra-stop"));
        return infrastructure.endpoints();
    }

    @SuppressWarnings("resource") // Testcontainers' Ryuk removes the containers when the JVM exits
    private static InfrastructureEndpoints startContainers() {
        var postgres = new PostgreSQLContainer("postgres:18-alpine").withDatabaseName("postgres");
        var redis = new GenericContainer<>("redis:8-alpine").withExposedPorts(6379);
        var kafka = new KafkaContainer("apache/kafka-native:4.1.0");
        Stream.<GenericContainer<?>>of(postgres, redis, kafka).parallel().forEach(GenericContainer::start);
        String serverUrl = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(serverUrl, postgres.getUsername(), postgres.getPassword());
        bootstrap.run(ServiceDatabase.ALL);
        return new InfrastructureEndpoints(serverUrl, bootstrap.databaseJdbcUrl(), redis.getHost(),
                redis.getMappedPort(6379), kafka.getBootstrapServers());
    }
}
