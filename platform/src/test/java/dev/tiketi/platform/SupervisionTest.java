package dev.tiketi.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's plain rules: restart back-off and log rotation. */
class SupervisionTest {

    @TempDir
    Path logs;

    @Test
    void restartsBackOffFromOneSecondDoublingUpToThirty() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(Platform::restartDelay).map(Duration::toSeconds).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aFreshLogKeepsTheFiveBeforeItNewestFirst() throws IOException {
        Path log = logs.resolve("payment-service.log");
        for (int run = 1; run <= 7; run++) {
            ServiceProcess.rotate(log, ServiceProcess.KEPT_LOGS);
            Files.writeString(log, "run " + run);
        }

        assertThat(Files.readString(log)).isEqualTo("run 7");
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(generation -> read(logs.resolve("payment-service.log." + generation))))
                .containsExactly("run 6", "run 5", "run 4", "run 3", "run 2");
        try (var files = Files.list(logs)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).hasSize(6)
                    .doesNotContain("payment-service.log.6");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
