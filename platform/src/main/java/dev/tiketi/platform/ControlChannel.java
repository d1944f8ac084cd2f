package dev.tiketi.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * How {@code ./tiketi restart SERVICE} and {@code ./tiketi kafka stop|start} reach the running launcher: a
 * command is a file {@code <data>/run/control/<id>.cmd} holding one line (e.g. {@code restart payment-service});
 * the launcher picks it up within a poll, carries it out and answers in {@code <id>.done} — {@code ok …} or
 * {@code error …} on the first line. Files need no open port and no credentials: whoever may write the data
 * directory may operate the platform anyway. {@code ./tiketi stop} needs no command file: SIGTERM to the
 * launcher runs the same ordered stop as Ctrl-C.
 */
final class ControlChannel implements AutoCloseable {

    static final String COMMAND_SUFFIX = ".cmd";
    static final String ANSWER_SUFFIX = ".done";
    private static final Duration POLL = Duration.ofMillis(300);

    private final Path directory;
    private final Function<List<String>, String> executor;
    private final Thread poller;
    private volatile boolean closed;

    /** @param executor carries out one command (its words) and returns the answer's text; throws on failure */
    private ControlChannel(Path directory, Function<List<String>, String> executor) {
        this.directory = directory;
        this.executor = executor;
        this.poller = Thread.ofPlatform().daemon().name("tiketi-control").unstarted(this::pollUntilClosed);
    }

    static ControlChannel open(Path dataDirectory, Function<List<String>, String> executor) {
        Path directory = directory(dataDirectory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new PlatformStartException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        ControlChannel channel = new ControlChannel(directory, executor);
        channel.poller.start();
        return channel;
    }

    static Path directory(Path dataDirectory) {
        return dataDirectory.resolve("run").resolve("control");
    }

    private void pollUntilClosed() {
        while (!closed) {
            try (DirectoryStream<Path> commands = Files.newDirectoryStream(directory, "*" + COMMAND_SUFFIX)) {
                for (Path command : commands) {
                    carryOut(command);
                }
            } catch (IOException e) {
                // the directory was removed under a running platform: nothing to pick up until it is back
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void carryOut(Path command) throws IOException {
        String file = command.getFileName().toString();
        Path answer = command.resolveSibling(file.substring(0, file.length() - COMMAND_SUFFIX.length()) + ANSWER_SUFFIX);
        List<String> words = List.of(Files.readString(command, StandardCharsets.UTF_8).strip().split("\\s+"));
        Files.deleteIfExists(command);
        String outcome;
        try {
            outcome = "ok " + executor.apply(words);
        } catch (RuntimeException e) {
            outcome = "error " + e.getMessage();
        }
        Path partial = answer.resolveSibling(answer.getFileName() + ".tmp");
        Files.writeString(partial, outcome + System.lineSeparator(), StandardCharsets.UTF_8);
        try {
            Files.move(partial, answer, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, answer, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
    }
}
