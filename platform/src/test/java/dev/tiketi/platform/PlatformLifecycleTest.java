package dev.tiketi.platform;

import dev.tiketi.infra.InfrastructureEndpoints;
import dev.tiketi.infra.ServiceDatabase;
import dev.tiketi.topology.Topology;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher API end to end with a real service jar: start, health, clean stop without orphans, and data
 * kept in the data directory from one run to the next. Runs on free ports, never the topology's.
 */
class PlatformLifecycleTest {

    private static final String SERVICE = "queue-service";
    private static final String TOPIC = "platform.persistence.probe";

    @TempDir
    Path data;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void startsStopsCleanlyAndKeepsDataBetweenRuns() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path jar = root.resolve(SERVICE).resolve("target").resolve(SERVICE + ".jar");
        assertThat(jar).as("%s must be built before the platform module (./mvnw -pl %s package)", jar, SERVICE)
                .isRegularFile();
        PlatformOptions options = PlatformOptions.defaults(root)
                .withDataDirectory(data)
                .withServices(List.of(SERVICE))
                .withPorts(PortPlan.freePorts(Topology.load()))
                .withProgress(progress::add);

        List<Long> firstRunPids = new ArrayList<>();
        try (RunningPlatform platform = Platform.start(options)) {
            assertThat(readiness(platform.serviceUrl(SERVICE))).isEqualTo(200);
            firstRunPids.add(platform.processOf(SERVICE).pid());
            firstRunPids.addAll(infrastructureChildren());
            firstRunPids.add(postmasterPid());
            writeProbes(platform.infrastructure());
        }

        assertThat(progress).anyMatch(line -> line.startsWith(SERVICE + " ready"));
        assertThat(firstRunPids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d outlived the platform", pid).isEmpty());
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        assertThat(List.of(options.ports().port(SERVICE), options.ports().port(PortPlan.POSTGRES),
                options.ports().port(PortPlan.REDIS), options.ports().port(PortPlan.KAFKA)))
                .allSatisfy(port -> assertThat(PortCheck.isFree(port)).as("port %d", port).isTrue());
        assertThat(data.resolve("run/pids")).doesNotExist();

        try (RunningPlatform platform = Platform.start(options)) {
            assertThat(readiness(platform.serviceUrl(SERVICE))).isEqualTo(200);
            assertProbesSurvived(platform.infrastructure());
        }
    }

    @Test
    void restartsAServiceThatDiesAndObeysRestartAndKafkaCommands() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        PlatformOptions options = PlatformOptions.defaults(root)
                .withDataDirectory(data)
                .withServices(List.of(SERVICE))
                .withPorts(PortPlan.freePorts(Topology.load()))
                .withProgress(progress::add);
        try (RunningPlatform platform = Platform.start(options)) {
            long first = platform.processOf(SERVICE).pid();

            platform.crash(SERVICE);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    platform.processOf(SERVICE).pid() != first && readinessOrZero(platform.serviceUrl(SERVICE)) == 200);
            assertThat(progress).anyMatch(line -> line.startsWith(SERVICE + " exited with code")
                    && line.contains("restarting it in 1 s"));
            assertThat(progress).anyMatch(line -> line.startsWith(SERVICE + " restarted (pid"));

            long second = platform.processOf(SERVICE).pid();
            assertThat(command("restart " + SERVICE)).startsWith("ok " + SERVICE + " restarted and ready");
            assertThat(platform.processOf(SERVICE).pid()).isNotIn(first, second);
            assertThat(readiness(platform.serviceUrl(SERVICE))).isEqualTo(200);

            int kafkaPort = options.ports().port(PortPlan.KAFKA);
            assertThat(command("kafka stop")).isEqualTo("ok Kafka stopped");
            assertThat(PortCheck.isFree(kafkaPort)).as("Kafka is down").isTrue();
            assertThat(command("kafka start")).isEqualTo("ok Kafka started");
            assertThat(PortCheck.isFree(kafkaPort)).as("Kafka is up").isFalse();
            assertThat(command("dance")).startsWith("error unknown command");
        }
        assertThat(progress).as("the services stop before the infrastructure")
                .containsSubsequence("stopped [" + SERVICE + "]", "PostgreSQL, Redis and Kafka stopped");
    }

    /** What ./tiketi does: write a command file, wait for the launcher's answer. */
    private String command(String line) throws Exception {
        Path directory = ControlChannel.directory(data);
        String id = "test-" + System.nanoTime();
        Path partial = directory.resolve(id + ".tmp");
        Files.writeString(partial, line);
        Files.move(partial, directory.resolve(id + ControlChannel.COMMAND_SUFFIX));
        Path answer = directory.resolve(id + ControlChannel.ANSWER_SUFFIX);
        await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(answer));
        String text = Files.readString(answer).strip();
        Files.delete(answer);
        return text;
    }

    private static int readinessOrZero(String serviceUrl) {
        try {
            return readiness(serviceUrl);
        } catch (Exception e) {
            return 0;
        }
    }

    private static int readiness(String serviceUrl) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private static List<Long> infrastructureChildren() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).getFirst().strip());
    }

    private static void writeProbes(InfrastructureEndpoints infrastructure) throws Exception {
        try (Connection connection = connect(infrastructure); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE persistence_probe (note text)");
            statement.execute("INSERT INTO persistence_probe VALUES ('written in the first run')");
        }
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, "probe", "produced in the first run")).get();
        }
    }

    private static void assertProbesSurvived(InfrastructureEndpoints infrastructure) throws Exception {
        try (Connection connection = connect(infrastructure); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM persistence_probe")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written in the first run");
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "platform-lifecycle-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            assertThat(values).containsExactly("produced in the first run");
        }
    }

    private static Connection connect(InfrastructureEndpoints infrastructure) throws Exception {
        ServiceDatabase eventService = ServiceDatabase.forRole("event_service");
        return DriverManager.getConnection(infrastructure.databaseUrl(), eventService.role(),
                eventService.localPassword());
    }
}
