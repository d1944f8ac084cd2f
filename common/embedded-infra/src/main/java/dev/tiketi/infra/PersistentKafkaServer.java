package dev.tiketi.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A single combined broker+controller KRaft node running inside this JVM whose log directory survives
 * restarts. spring-kafka-test's broker always formats fresh temporary directories, so for the platform
 * launcher the node is assembled from Kafka's own server classes: the directory is formatted once (the
 * cluster id is kept next to the logs) and reused on every later start.
 */
final class PersistentKafkaServer implements KafkaNode {

    private static final int NODE_ID = 1;
    private static final String CLUSTER_ID_FILE = "cluster-id";

    private final KafkaRaftServer server;
    private final int port;

    private PersistentKafkaServer(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param port          0 for any free port
     * @param logDirectory  formatted on first use, reused afterwards
     */
    static PersistentKafkaServer start(int port, Path logDirectory) {
        int brokerPort = port > 0 ? port : FreePorts.next();
        // The controller listener is internal to this one node; with a static voter set its address is
        // read from the configuration on every start, not from the log, so it may change between runs.
        int controllerPort = FreePorts.next();
        // Kafka loads configured classes through the thread's context class loader. Called from a pool thread
        // inside a Spring Boot executable jar that is the system loader, which cannot see the nested jars; the
        // threads Kafka starts inherit whatever is set here.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PersistentKafkaServer.class.getClassLoader());
        try {
            Files.createDirectories(logDirectory);
            String directory = logDirectory.toAbsolutePath().toString();
            formatOnce(logDirectory, directory);
            KafkaRaftServer server = new KafkaRaftServer(
                    KafkaConfig.fromProps(properties(directory, brokerPort, controllerPort), false), Time.SYSTEM);
            server.startup();
            return new PersistentKafkaServer(server, brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka did not start", e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not start: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void formatOnce(Path logDirectory, String directory) throws Exception {
        Path clusterIdFile = logDirectory.resolve(CLUSTER_ID_FILE);
        String clusterId;
        if (Files.exists(clusterIdFile)) {
            clusterId = Files.readString(clusterIdFile).strip();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(clusterIdFile, clusterId);
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setClusterId(clusterId)
                .setNodeId(NODE_ID)
                .setDirectories(List.of(directory))
                .setMetadataLogDirectory(directory)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                // a directory formatted by an earlier run is left as it is
                .setIgnoreFormatted(true)
                .run();
    }

    private static Properties properties(String directory, int brokerPort, int controllerPort) {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", String.valueOf(NODE_ID));
        properties.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.setProperty("listeners",
                "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", directory);
        properties.setProperty("auto.create.topics.enable", "true");
        properties.setProperty("num.partitions", "3");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "3");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "3");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
