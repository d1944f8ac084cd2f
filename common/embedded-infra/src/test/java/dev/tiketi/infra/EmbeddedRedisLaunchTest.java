package dev.tiketi.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static java.nio.file.Files.setPosixFilePermissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A binary still open for writing when it is executed (ETXTBSY) is executed again a moment later. */
class EmbeddedRedisLaunchTest {

    @Test
    void aBinaryStillOpenForWritingIsStartedOnceItIsClosed(@TempDir Path directory) throws Exception {
        Path binary = directory.resolve("fake-redis");
        FileOutputStream writing = new FileOutputStream(binary.toFile());
        writing.write("#!/bin/sh\necho 'Ready to accept connections'\nexec sleep 30\n".getBytes(StandardCharsets.UTF_8));
        writing.flush();
        setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
        CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> close(writing),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        Process process = EmbeddedRedisServer.launch(List.of(binary.toString()), directory);
        try {
            assertThat(closed).isDone();
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void anyOtherFailureIsNotTriedAgain(@TempDir Path directory) {
        Path missing = directory.resolve("no-such-redis");

        assertThatThrownBy(() -> EmbeddedRedisServer.launch(List.of(missing.toString()), directory))
                .isInstanceOf(IOException.class)
                .hasMessageNotContaining("Text file busy");
    }

    private static void close(FileOutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
