package dev.tiketi.platform;

import dev.tiketi.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherArgumentsTest {

    private final Path root = Path.of("/repo");

    @Test
    void defaultsToAllServicesAndTheDataFolderInTheRepository() {
        LauncherArguments arguments = LauncherArguments.parse(new String[0], Map.of(), root);

        assertThat(arguments.dataDirectory()).isEqualTo(Path.of("/repo/.data"));
        assertThat(arguments.services()).isEqualTo(Topology.SERVICES);
        assertThat(arguments.reset()).isFalse();
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        LauncherArguments fromEnvironment = LauncherArguments.parse(new String[0],
                Map.of("TIKETI_DATA_DIR", "/var/tiketi"), root);
        LauncherArguments fromCommandLine = LauncherArguments.parse(
                new String[] {"--data-dir", "/tmp/t", "--reset", "--services=queue-service,event-service"},
                Map.of("TIKETI_DATA_DIR", "/var/tiketi"), root);

        assertThat(fromEnvironment.dataDirectory()).isEqualTo(Path.of("/var/tiketi"));
        assertThat(fromCommandLine.dataDirectory()).isEqualTo(Path.of("/tmp/t"));
        assertThat(fromCommandLine.reset()).isTrue();
        assertThat(fromCommandLine.services()).containsExactly("queue-service", "event-service");
    }

    @Test
    void rejectsUnknownOptions() {
        assertThatThrownBy(() -> LauncherArguments.parse(new String[] {"--rest"}, Map.of(), root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --rest");
    }

    @Test
    void resetDeletesADataDirectoryButNotSomethingElse(@TempDir Path temporary) throws Exception {
        Path data = Files.createDirectories(temporary.resolve("data/postgres"));
        Files.writeString(data.resolve("PG_VERSION"), "18");
        Path home = Files.createDirectories(temporary.resolve("home/documents"));

        DataDirectory.reset(temporary.resolve("data"));

        assertThat(temporary.resolve("data")).doesNotExist();
        assertThatThrownBy(() -> DataDirectory.reset(home.getParent()))
                .hasMessageContaining("does not look like a TIKETI data directory");
        assertThat(home).exists();
        assertThat(List.of(temporary.resolve("home").toFile().list())).containsExactly("documents");
    }
}
