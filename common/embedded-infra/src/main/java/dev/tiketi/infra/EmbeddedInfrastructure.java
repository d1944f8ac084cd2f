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

    private final List<AutoCloseable> servers;
    private final InfrastructureEndpoints endpoints;

    private EmbeddedInfrastructure(List<AutoCloseable> servers, InfrastructureEndpoints endpoints) {
        this.servers = servers;
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
        var postgres = CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(
                ports.postgres(), dataDirectory == null ? null : dataDirectory.resolve("postgres")));
        var redis = CompletableFuture.supplyAsync(() -> EmbeddedRedisServer.start(
                redisPort, dataDirectory == null ? null : dataDirectory.resolve("redis")));
        var kafka = CompletableFuture.<KafkaNode>supplyAsync(() -> dataDirectory == null
                ? EmbeddedKafkaServer.start(ports.kafka())
                : PersistentKafkaServer.start(ports.kafka(), dataDirectory.resolve("kafka")));

        List<AutoCloseable> started = new ArrayList<>();
        try {
            EmbeddedPostgresServer pg = join(postgres, started);
            EmbeddedRedisServer rd = join(redis, started);
            KafkaNode kf = join(kafka, started);
            DatabaseBootstrap bootstrap = new DatabaseBootstrap(pg.serverUrl(), EmbeddedPostgresServer.SUPERUSER, null);
            bootstrap.run(ServiceDatabase.ALL);
            var endpoints = new InfrastructureEndpoints(pg.serverUrl(), bootstrap.databaseJdbcUrl(),
                    "127.0.0.1", rd.port(), kf.bootstrapServers());
            log.info("Embedded infrastructure up in {} ms: {}", (System.nanoTime() - startNanos) / 1_000_000, endpoints);
            return new EmbeddedInfrastructure(started, endpoints);
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

    public InfrastructureEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
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
