package dev.tiketi.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checked-out repository this module belongs to: its files are what the tests compare. */
final class Repository {

    static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("tiketi")) && Files.isDirectory(directory.resolve("k8s"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("not inside the TIKETI repository: " + Path.of("").toAbsolutePath());
    }
}
