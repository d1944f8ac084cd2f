package dev.tiketi.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PostgreSQL, Redis and Kafka started in parallel inside (or as children of) this JVM, with the per-service
 * schemas and roles created. Used by the platform launcher (persistent, fixed ports) and by tests
 * (throw-away, free ports).
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /** PostgreSQL and Redis, in start order; Kafka is apart because fault tests stop and start it. */
    private final List<AutoCloseable> servers;
    private final InfrastructureEndpoints endpoints;
    private final int kafkaPort;
    private final Path kafkaDirectory;
    private KafkaNode kafka;

    private EmbeddedInfrastructure(List<AutoCloseable> servers, KafkaNode kafka, int kafkaPort, Path kafkaDirectory,
                                   InfrastructureEndpoints endpoints) {
        this.servers = servers;
        this.kafka = kafka;
        this.kafkaPort = kafkaPort;
        this.kafkaDirectory = kafkaDirectory;
        this.endpoints = endpoints;
    }

    /**
     * @param ports         0 in any field for a free port
     * @param dataDirectory where PostgreSQL, Redis and Kafka keep their data between runs; {@code null} for
     *                      throw-away data
     */
    public static EmbeddedInfrastructure start(Ports ports, Path dataDirectory) {
        long startNanos = System.nanoTime();
        int redisPort = ports.redis() > 0 ? ports.redis() : FreePorts.next();
        int kafkaPort = ports.kafka() > 0 ? ports.kafka() : FreePorts.next();
        Path kafkaDirectory = dataDirectory == null ? null : dataDirectory.resolve("kafka");
        var postgres = CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(
                ports.postgres(), dataDirectory == null ? null : dataDirectory.resolve("postgres")));
        var redis = CompletableFuture.supplyAsync(() -> EmbeddedRedisServer.start(
                redisPort, dataDirectory == null ? null : dataDirectory.resolve("redis")));
        var kafka = CompletableFuture.supplyAsync(() -> startKafka(kafkaPort, kafkaDirectory));

        List<AutoCloseable> started = new ArrayList<>();
        try {
            EmbeddedPostgresServer pg = join(postgres, started);
            EmbeddedRedisServer rd = join(redis, started);
            KafkaNode kf = join(kafka, new ArrayList<>());
            DatabaseBootstrap bootstrap = new DatabaseBootstrap(pg.serverUrl(), EmbeddedPostgresServer.SUPERUSER, null);
            bootstrap.run(ServiceDatabase.ALL);
            var endpoints = new InfrastructureEndpoints(pg.serverUrl(), bootstrap.databaseJdbcUrl(),
                    "127.0.0.1", rd.port(), kf.bootstrapServers());
            log.info("Embedded infrastructure up in {} ms: {}", (System.nanoTime() - startNanos) / 1_000_000, endpoints);
            return new EmbeddedInfrastructure(started, kf, kafkaPort, kafkaDirectory, endpoints);
        } catch (RuntimeException e) {
            // a server that started while another failed must not outlive this call
            for (var future : List.of(postgres, redis, kafka)) {
                future.thenAccept(server -> closeQuietly((AutoCloseable) server));
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T join(CompletableFuture<T> future, List<AutoCloseable> started) {
        try {
            T server = future.join();
            started.add(server);
            return server;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static KafkaNode startKafka(int port, Path directory) {
        return directory == null ? EmbeddedKafkaServer.start(port) : PersistentKafkaServer.start(port, directory);
    }

    public InfrastructureEndpoints endpoints() {
        return endpoints;
    }

    /** For fault tests: the broker goes away as if it had crashed; its data stays. No-op if it is stopped. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            closeQuietly(kafka);
            kafka = null;
        }
    }

    /**
     * Starts the broker again on the same port. With a data directory it comes back with its topics, records
     * and committed offsets; without one it comes back empty.
     */
    public synchronized void startKafka() {
        if (kafka == null) {
            kafka = startKafka(kafkaPort, kafkaDirectory);
        }
    }

    @Override
    public void close() {
        stopKafka();
        List<AutoCloseable> reversed = new ArrayList<>(servers);
        Collections.reverse(reversed);
        reversed.forEach(EmbeddedInfrastructure::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", server.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Fixed ports for the three servers; 0 means any free port. */
    public record Ports(int postgres, int redis, int kafka) {
        public static final Ports ANY = new Ports(0, 0, 0);
    }
}
