package dev.tiketi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Cleans up after a run whose launcher died without stopping its children (SIGKILL, power cut): services and
 * Redis recorded in the pid file, and a PostgreSQL postmaster — or just its stale {@code postmaster.pid} —
 * left in the data directory.
 */
final class Leftovers {

    private final ProcessRegistry registry;
    private final Path postgresDataDirectory;
    private final Duration gracePeriod;
    private final Consumer<String> progress;

    Leftovers(ProcessRegistry registry, Path dataDirectory, Duration gracePeriod, Consumer<String> progress) {
        this.registry = registry;
        this.postgresDataDirectory = dataDirectory.resolve("postgres");
        this.gracePeriod = gracePeriod;
        this.progress = progress;
    }

    /** @throws PlatformStartException when the launcher of that run is still alive: its platform is running */
    void clean() {
        List<ProcessRegistry.TrackedProcess> recorded = registry.recorded();
        for (var tracked : recorded) {
            if (tracked.role().equals(ProcessRegistry.LAUNCHER) && tracked.liveProcess().isPresent()) {
                throw new PlatformStartException("TIKETI is already running from this data directory (launcher pid "
                        + tracked.pid() + "). Stop it first (Ctrl-C in its terminal, or kill " + tracked.pid() + ").");
            }
        }
        // services first: they hold connections to Redis and PostgreSQL
        List<ProcessRegistry.TrackedProcess> ordered = new ArrayList<>(recorded);
        ordered.sort(Comparator.comparing(tracked -> tracked.role().equals("redis") ? 1 : 0));
        for (var tracked : ordered) {
            tracked.liveProcess().ifPresent(process -> {
                progress.accept("stopping " + tracked.role() + " left over from an earlier run (pid " + tracked.pid() + ")");
                terminate(process);
            });
        }
        cleanPostgres();
        registry.discard();
    }

    private void cleanPostgres() {
        Path lockFile = postgresDataDirectory.resolve("postmaster.pid");
        if (!Files.exists(lockFile)) {
            return;
        }
        long pid = postmasterPid(lockFile);
        postmaster(lockFile, postgresDataDirectory).ifPresent(process -> {
            progress.accept("stopping PostgreSQL left over from an earlier run (pid " + pid + ")");
            terminate(process);
        });
        // A lock file naming a dead (or recycled) pid would make PostgreSQL refuse to start.
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running postmaster that serves {@code <data>/postgres}, if any. */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path postgresDataDirectory = dataDirectory.resolve("postgres");
        return postmaster(postgresDataDirectory.resolve("postmaster.pid"), postgresDataDirectory);
    }

    private static Optional<ProcessHandle> postmaster(Path lockFile, Path postgresDataDirectory) {
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        long pid = postmasterPid(lockFile);
        return (pid > 0 ? ProcessHandle.of(pid) : Optional.<ProcessHandle>empty())
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .filter(process -> servesDirectory(lockFile, postgresDataDirectory));
    }

    /** @return the pid on the first line of {@code postmaster.pid}, 0 when it cannot be read */
    private static long postmasterPid(Path lockFile) {
        try {
            List<String> lines = Files.readAllLines(lockFile);
            return lines.isEmpty() ? 0 : Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException | IOException e) {
            return 0;
        }
    }

    /** The second line of {@code postmaster.pid} is the data directory that postmaster serves. */
    private static boolean servesDirectory(Path lockFile, Path postgresDataDirectory) {
        try {
            List<String> lines = Files.readAllLines(lockFile);
            return lines.size() > 1 && Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                    .equals(postgresDataDirectory.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }

    private void terminate(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            process.destroyForcibly();
            process.onExit().join();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
