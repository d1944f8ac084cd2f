package dev.tiketi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a platform keeps its data when not told otherwise, and wiping it: the documented way back to a fresh
 * platform.
 */
public final class DataDirectory {

    /** What a platform run creates; a directory holding anything else is not wiped. */
    private static final Set<String> KNOWN_ENTRIES = Set.of("postgres", "redis", "kafka", "keys", "logs", "run");

    private DataDirectory() {
    }

    /** {@code TIKETI_DATA_DIR} when set, else {@code <root>/.data}: where {@code ./tiketi start} keeps its data. */
    public static Path byDefault(Path rootDirectory, Map<String, String> environment) {
        String fromEnvironment = environment.get("TIKETI_DATA_DIR");
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? rootDirectory.resolve(".data") : Path.of(fromEnvironment);
    }

    /**
     * Deletes the data directory unless a platform is running from it, or it holds something a platform run
     * does not create (a mistyped {@code --data-dir} must not cost anyone their home directory).
     */
    public static void reset(Path dataDirectory) {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        new ProcessRegistry(dataDirectory).recorded().stream()
                .filter(tracked -> tracked.role().equals(ProcessRegistry.LAUNCHER))
                .filter(tracked -> tracked.liveProcess().isPresent())
                .findFirst()
                .ifPresent(launcher -> {
                    throw new IllegalStateException("TIKETI is running from " + dataDirectory + " (launcher pid "
                            + launcher.pid() + "); stop it before resetting");
                });
        try (Stream<Path> entries = Files.list(dataDirectory)) {
            var foreign = entries.map(entry -> entry.getFileName().toString())
                    .filter(entry -> !KNOWN_ENTRIES.contains(entry)).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException(dataDirectory + " does not look like a TIKETI data directory (it holds "
                        + foreign + "); delete it yourself if that is really meant");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> tree = Files.walk(dataDirectory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dataDirectory, e);
        }
    }
}
