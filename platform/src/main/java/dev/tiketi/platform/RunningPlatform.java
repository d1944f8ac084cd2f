package dev.tiketi.platform;

import dev.tiketi.infra.InfrastructureEndpoints;

import java.nio.file.Path;
import java.util.List;

/**
 * A started platform: where to reach it, and handles for fault tests. {@link #close()} stops everything.
 */
public final class RunningPlatform implements AutoCloseable {

    private final Platform platform;

    RunningPlatform(Platform platform) {
        this.platform = platform;
    }

    /** The public entry point, e.g. {@code http://localhost:8080}. */
    public String gatewayUrl() {
        return serviceUrl("gateway");
    }

    /** Where a service's own port answers, e.g. {@code http://localhost:8083} for queue-service. */
    public String serviceUrl(String service) {
        return "http://localhost:" + platform.options().ports().port(service);
    }

    public List<String> services() {
        return platform.options().services();
    }

    public InfrastructureEndpoints infrastructure() {
        return platform.endpoints();
    }

    public Path dataDirectory() {
        return platform.options().dataDirectory();
    }

    public Path logFile(String service) {
        return dataDirectory().resolve("logs").resolve(service + ".log");
    }

    /** The service's current process (a new one after {@link #restart}). */
    public ProcessHandle processOf(String service) {
        return platform.processOf(service);
    }

    /** SIGKILL: the service gets no chance to shut down gracefully. Returns once it is gone. */
    public void kill(String service) {
        platform.kill(service);
    }

    /** SIGKILL as if the service had crashed: unlike {@link #kill}, the launcher starts it again after a back-off. */
    public void crash(String service) {
        platform.crash(service);
    }

    /** Stops the service gracefully if it runs, starts it again and waits until it is ready. */
    public void restart(String service) {
        platform.restart(service);
    }

    /** For fault tests: stops the Kafka broker as if it had crashed (its data stays). */
    public void stopKafka() {
        platform.infrastructureHandle().stopKafka();
    }

    /** Starts the Kafka broker again on its port, with the topics, records and offsets it had. */
    public void startKafka() {
        platform.infrastructureHandle().startKafka();
    }

    /** Blocks until the platform has been stopped, e.g. by a shutdown hook. */
    public void awaitStopped() {
        platform.awaitStopped();
    }

    public void stop() {
        platform.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
