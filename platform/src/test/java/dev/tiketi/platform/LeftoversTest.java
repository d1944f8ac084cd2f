package dev.tiketi.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeftoversTest {

    @TempDir
    Path data;

    private final List<Process> spawned = new ArrayList<>();

    @AfterEach
    void killSpawned() {
        spawned.forEach(Process::destroyForcibly);
    }

    @Test
    void stopsRecordedProcessesOfARunWhoseLauncherDied() throws Exception {
        Process orphan = spawn();
        ProcessRegistry previousRun = new ProcessRegistry(data);
        previousRun.track("queue-service", orphan.toHandle());

        leftovers().clean();

        assertThat(orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(data.resolve("run/pids")).doesNotExist();
    }

    @Test
    void leavesAloneAProcessThatMerelyReusedARecordedPid() throws Exception {
        Process stranger = spawn();
        Files.createDirectories(data.resolve("run"));
        long otherStart = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        Files.writeString(data.resolve("run/pids"), "queue-service " + stranger.pid() + " " + otherStart + "\n");

        leftovers().clean();

        assertThat(stranger.isAlive()).isTrue();
    }

    @Test
    void refusesToStartWhileTheRecordedLauncherIsAlive() {
        new ProcessRegistry(data).track(ProcessRegistry.LAUNCHER, ProcessHandle.current());

        assertThatThrownBy(() -> leftovers().clean())
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("already running");
        assertThat(data.resolve("run/pids")).exists();
    }

    @Test
    void removesAStalePostmasterPidThatWouldBlockPostgres() throws Exception {
        Process stranger = spawn();
        Path postgres = Files.createDirectories(data.resolve("postgres"));
        // a pid that now belongs to something else, as after a reboot: neither killed nor left blocking
        Files.writeString(postgres.resolve("postmaster.pid"), stranger.pid() + "\n" + postgres + "\n");

        leftovers().clean();

        assertThat(postgres.resolve("postmaster.pid")).doesNotExist();
        assertThat(stranger.isAlive()).isTrue();
    }

    private Leftovers leftovers() {
        return new Leftovers(new ProcessRegistry(data), data, Duration.ofSeconds(5), line -> { });
    }

    private Process spawn() throws Exception {
        Process process = new ProcessBuilder("sleep", "300").start();
        spawned.add(process);
        return process;
    }
}
