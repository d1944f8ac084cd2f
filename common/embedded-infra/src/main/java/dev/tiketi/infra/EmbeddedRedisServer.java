package dev.tiketi.infra;

import redis.embedded.core.RedisServerBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Redis from the binaries inside the embedded-redis jar, running as a child process of this JVM. The library
 * only provides the binary and its configuration file: it would also register a JVM shutdown hook that stops
 * Redis at once on Ctrl-C, racing ahead of the platform's own ordered stop (services first, then Kafka, Redis,
 * PostgreSQL), so the process is started here, in a session of its own where {@code setsid} exists so that a
 * terminal's Ctrl-C does not reach it either; {@link #close()} is the only thing that stops it.
 */
final class EmbeddedRedisServer implements AutoCloseable {

    private static final String READY = "Ready to accept connections";
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final int TEXT_FILE_BUSY_ATTEMPTS = 5;
    private static final long TEXT_FILE_BUSY_PAUSE_MILLIS = 200;

    private final Process process;
    private final int port;

    private EmbeddedRedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param dataDirectory append-only file and snapshots are kept there when given; nothing is persisted
     *                      when {@code null}
     */
    static EmbeddedRedisServer start(int port, Path dataDirectory) {
        try {
            RedisServerBuilder builder = new RedisServerBuilder()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("maxmemory 512mb")
                    .setting("maxmemory-policy noeviction");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                // the append-only file is the persistence; Redis's default snapshot rules on top (a snapshot
                // after 10,000 changes in 60 s, and so on) fork and write the whole dataset every minute under
                // load: with a million people waiting (244 MB) each snapshot took 9-10 s of one of the two cores
                // and the queue benchmark's status p99 was 1.7 s (docs/benchmarks.md)
                builder.setting("dir " + dataDirectory.toAbsolutePath())
                        .setting("appendonly yes")
                        .setting("appendfsync everysec")
                        .setting("save \"\"");
            } else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            List<String> redis = builder.buildCommandArgs();
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid");
            }
            command.addAll(redis);
            return new EmbeddedRedisServer(launch(command, Path.of(redis.getFirst()).getParent()), port);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
        }
    }

    /**
     * The library has just written the binary. A process this JVM forks at that moment (PostgreSQL and Kafka start
     * alongside) holds the file open for writing until it has exec'd, and executing the binary then fails with
     * ETXTBSY ("Text file busy"; seen once in CI): tried again after a moment, a few times.
     */
    static Process launch(List<String> command, Path directory) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Process process = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .start();
                awaitReady(process);
                return process;
            } catch (IOException e) {
                if (attempt == TEXT_FILE_BUSY_ATTEMPTS || !String.valueOf(e.getMessage()).contains("Text file busy")) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(TEXT_FILE_BUSY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Redis was starting", e);
        }
    }

    /** Reads Redis's output until it is ready, then keeps draining it so that Redis never blocks on a full pipe. */
    private static void awaitReady(Process process) throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        List<String> seen = new ArrayList<>();
        Thread.ofPlatform().daemon().name("embedded-redis-output").start(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (!ready.isDone()) {
                        seen.add(line);
                        if (line.contains(READY)) {
                            ready.complete(null);
                        }
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IOException("Redis exited before it was ready"));
        });
        try {
            ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while Redis was starting", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Redis did not start: " + String.join(System.lineSeparator(), seen), e);
        }
    }

    int port() {
        return port;
    }

    /** SIGTERM: Redis flushes its append-only file and exits; SIGKILL if it has not after a while. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
