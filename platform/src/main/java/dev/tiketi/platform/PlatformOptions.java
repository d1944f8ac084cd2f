package dev.tiketi.platform;

import dev.tiketi.topology.Topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to run the platform.
 *
 * @param rootDirectory   the repository checkout; service jars are read from {@code <root>/<service>/target}
 * @param dataDirectory   PostgreSQL, Redis, Kafka data, the JWT signing key, logs and pid files
 * @param services        which services to start, a subset of {@link Topology#SERVICES}
 * @param ports           where every process listens
 * @param serviceJvmOptions JVM flags for every service process
 * @param profiles        Spring profiles of every service
 * @param startTimeout    how long all services together may take to become ready
 * @param stopTimeout     how long services get for a graceful shutdown before they are killed
 * @param progress        receives one short line per step, for a console
 */
public record PlatformOptions(
        Path rootDirectory,
        Path dataDirectory,
        List<String> services,
        PortPlan ports,
        List<String> serviceJvmOptions,
        String profiles,
        Duration startTimeout,
        Duration stopTimeout,
        Consumer<String> progress) {

    /** Sized so that six services plus the infrastructure idle well under 4 GB and start fast on two cores. */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-Xss512k",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError",
            // Netty and others load native code; without this the JVM prints warnings that break the JSON log
            "--enable-native-access=ALL-UNNAMED");

    public PlatformOptions {
        rootDirectory = rootDirectory.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        services = List.copyOf(services);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        List<String> unknown = services.stream().filter(service -> !Topology.SERVICES.contains(service)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown services " + unknown + "; known: " + Topology.SERVICES);
        }
    }

    /** Every service on the topology's ports, with demo data, data kept in {@code <root>/.data}. */
    public static PlatformOptions defaults(Path rootDirectory) {
        return new PlatformOptions(rootDirectory, rootDirectory.resolve(".data"), Topology.SERVICES,
                PortPlan.fromTopology(Topology.load()), DEFAULT_SERVICE_JVM_OPTIONS, "demo",
                Duration.ofSeconds(180), Duration.ofSeconds(20), line -> { });
    }

    public PlatformOptions withDataDirectory(Path directory) {
        return new PlatformOptions(rootDirectory, directory, services, ports, serviceJvmOptions, profiles,
                startTimeout, stopTimeout, progress);
    }

    public PlatformOptions withServices(List<String> only) {
        return new PlatformOptions(rootDirectory, dataDirectory, only, ports, serviceJvmOptions, profiles,
                startTimeout, stopTimeout, progress);
    }

    public PlatformOptions withPorts(PortPlan plan) {
        return new PlatformOptions(rootDirectory, dataDirectory, services, plan, serviceJvmOptions, profiles,
                startTimeout, stopTimeout, progress);
    }

    public PlatformOptions withProgress(Consumer<String> sink) {
        return new PlatformOptions(rootDirectory, dataDirectory, services, ports, serviceJvmOptions, profiles,
                startTimeout, stopTimeout, sink);
    }

    public PlatformOptions withStartTimeout(Duration timeout) {
        return new PlatformOptions(rootDirectory, dataDirectory, services, ports, serviceJvmOptions, profiles,
                timeout, stopTimeout, progress);
    }

    /** These JVM flags after the current ones, e.g. {@code -Dtiketi.reservation.hold-ttl=30s} for a test run. */
    public PlatformOptions withAddedServiceJvmOptions(List<String> added) {
        List<String> options = new ArrayList<>(serviceJvmOptions);
        options.addAll(added);
        return new PlatformOptions(rootDirectory, dataDirectory, services, ports, options, profiles,
                startTimeout, stopTimeout, progress);
    }

    public Path serviceJar(String service) {
        return rootDirectory.resolve(service).resolve("target").resolve(service + ".jar");
    }

    /** The secret the services sign and check service tokens with ({@link InternalSecret}). */
    public Path internalSecretFile() {
        return dataDirectory.resolve("keys").resolve("internal-secret");
    }

    /** The PEM (PKCS#8) key user-service signs access tokens with; it creates one there on first start. */
    public Path signingKeyFile() {
        return dataDirectory.resolve("keys").resolve("jwt-signing.pem");
    }
}
