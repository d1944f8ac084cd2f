package dev.tiketi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes of the current run, written to {@code <data>/run/pids} on every change. A launcher killed with
 * SIGKILL cannot stop its children; the next run reads this file and finds them (see {@link Leftovers}).
 * One line per process: role, pid, start time in epoch milliseconds. {@code ./tiketi reset} reads the
 * {@code launcher} line to refuse wiping data under a running platform.
 */
final class ProcessRegistry {

    static final String LAUNCHER = "launcher";

    private final Path file;
    private final Map<String, TrackedProcess> processes = new LinkedHashMap<>();

    ProcessRegistry(Path dataDirectory) {
        this.file = dataDirectory.resolve("run").resolve("pids");
    }

    synchronized void track(String role, ProcessHandle process) {
        TrackedProcess.of(role, process).ifPresent(tracked -> {
            processes.put(role, tracked);
            write();
        });
    }

    /** Removes the file once this run's processes are gone; a file written by another run is left alone. */
    synchronized void forget() {
        if (processes.isEmpty()) {
            return;
        }
        processes.clear();
        discard();
    }

    /** Removes the file, whoever wrote it: for {@link Leftovers}, after it has dealt with what it names. */
    void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an earlier run left in the file, in the order it was written. */
    List<TrackedProcess> recorded() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<TrackedProcess> recorded = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                TrackedProcess.parse(line).ifPresent(recorded::add);
            }
            return recorded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = processes.values().stream().map(TrackedProcess::line).toList();
            Path temporary = file.resolveSibling("pids.tmp");
            Files.write(temporary, lines);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A process identified by pid and start time, so that a recycled pid is never mistaken for ours. */
    record TrackedProcess(String role, long pid, Instant started) {

        // /proc start times are in clock ticks; two readings of the same process may differ slightly
        private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

        static Optional<TrackedProcess> of(String role, ProcessHandle process) {
            return process.info().startInstant().map(started -> new TrackedProcess(role, process.pid(), started));
        }

        static Optional<TrackedProcess> parse(String line) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new TrackedProcess(fields[0], Long.parseLong(fields[1]),
                        Instant.ofEpochMilli(Long.parseLong(fields[2]))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        String line() {
            return role + " " + pid + " " + started.toEpochMilli();
        }

        /** A killed process whose parent has not reaped it yet still counts as alive for {@link ProcessHandle}. */
        private static boolean isZombie(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                // the state follows the command name, which is in parentheses and may itself contain spaces
                return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** The very process that was recorded, if it is still running. */
        Optional<ProcessHandle> liveProcess() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> !isZombie(process.pid()))
                    .filter(process -> process.info().startInstant()
                            .map(actual -> Duration.between(started, actual).abs().compareTo(START_TIME_TOLERANCE) <= 0)
                            .orElse(false));
        }
    }
}
