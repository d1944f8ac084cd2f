package dev.tiketi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One service running as a child process, its output going to its own log file. */
final class ServiceProcess {

    /** Logs of earlier runs kept next to the current one: {@code <service>.log.1} (newest) … {@code .5}. */
    static final int KEPT_LOGS = 5;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final URI readinessUri;
    private Process process;

    /** @param environment added to the launcher's own environment (secrets go here, not on the command line) */
    ServiceProcess(String name, List<String> command, Map<String, String> environment, Path logFile, URI readinessUri) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.readinessUri = readinessUri;
    }

    String name() {
        return name;
    }

    /**
     * @param freshLog start a new log, keeping the previous runs' as {@code <service>.log.1} … {@code .5}; a
     *                 restart within the same run appends instead, so a crash and what followed read as one story
     */
    synchronized Process start(boolean freshLog) {
        try {
            Files.createDirectories(logFile.getParent());
            if (freshLog) {
                rotate(logFile, KEPT_LOGS);
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** {@code log.4} → {@code log.5} (the oldest dropped), …, {@code log} → {@code log.1}. */
    static void rotate(Path log, int kept) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        for (int generation = kept - 1; generation >= 1; generation--) {
            Path older = log.resolveSibling(log.getFileName() + "." + generation);
            if (Files.exists(older)) {
                Files.move(older, log.resolveSibling(log.getFileName() + "." + (generation + 1)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }

    synchronized Process process() {
        if (process == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return process;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    boolean isReady(HttpClient client) {
        HttpRequest request = HttpRequest.newBuilder(readinessUri).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM: Spring Boot's graceful shutdown finishes requests in flight and closes pools. */
    synchronized void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** SIGKILL to the service and anything it started. */
    synchronized void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log at " + logFile + ")";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    Path logFile() {
        return logFile;
    }
}
