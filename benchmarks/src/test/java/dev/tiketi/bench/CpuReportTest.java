package dev.tiketi.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CpuReportTest {

    private static final Instant T0 = Instant.parse("2026-12-06T17:00:00Z");

    private static ProcessCpuSampler.Sample at(int second, double gateway, double gatling) {
        return new ProcessCpuSampler.Sample(T0.plusSeconds(second),
                Map.of("gateway", gateway, ProcessCpuSampler.GATLING, gatling), Map.of());
    }

    @Test
    void cpuPerOperationComesFromTheSamplesInsideTheWindow() throws IOException {
        // the gateway spends 0.5 s of CPU per second inside the window, and a burst outside it
        List<ProcessCpuSampler.Sample> samples = List.of(at(0, 0, 0), at(1, 5, 0), at(2, 5.5, 0.2), at(3, 6.0, 0.4),
                at(4, 6.5, 0.6), at(5, 20, 0.8));
        Path windows = Files.createDirectory(directory.resolve("windows"));
        write(windows.resolve("queue-status.properties"), Map.of("name", "queue status", "arrivalsPerSecond",
                "1000.0", "start", Long.toString(T0.plusMillis(1500).toEpochMilli()),
                "end", Long.toString(T0.plusMillis(4500).toEpochMilli())));

        List<String> report = CpuReport.format(windows, samples);

        // samples at 2 s and 4 s: 2 s, 2,000 arrivals; gateway 1.0 s → 0.5 ms per status
        assertThat(report.getFirst()).contains("CPU per queue status over 2 s", "2,000 operations");
        assertThat(report).anySatisfy(line -> assertThat(line).contains("gateway").contains("0.500"));
        assertThat(report.getLast()).contains("platform (all but Gatling)").contains("0.500");
    }

    @Test
    void aCountedWindowUsesItsCountScaledToTheSampledPart() throws IOException {
        List<ProcessCpuSampler.Sample> samples = List.of(at(0, 0, 0), at(1, 1, 0), at(2, 2, 0), at(3, 3, 0));
        Path windows = Files.createDirectory(directory.resolve("windows"));
        write(windows.resolve("hold.properties"), Map.of("name", "successful hold", "arrivalsPerSecond", "800.0",
                "start", Long.toString(T0.toEpochMilli()), "end", Long.toString(T0.plusSeconds(3).toEpochMilli()),
                "operations", "300"));

        // 300 holds over the whole 3 s window, all 3 s sampled: 3 s of gateway CPU → 10 ms per hold
        assertThat(CpuReport.format(windows, samples)).anySatisfy(line ->
                assertThat(line).contains("gateway").endsWith("10.000"));
    }

    @Test
    void theJitColumnSaysWhatEachJvmsCompilerThreadsSpentPerOperation() throws IOException {
        // the gateway spends 1 s per second, a fifth of it compiling; Redis is no JVM and has no compiler figure
        List<ProcessCpuSampler.Sample> samples = List.of(
                new ProcessCpuSampler.Sample(T0, Map.of("gateway", 0.0, "Redis", 0.0), Map.of("gateway", 0.0)),
                new ProcessCpuSampler.Sample(T0.plusSeconds(2), Map.of("gateway", 2.0, "Redis", 0.4),
                        Map.of("gateway", 0.4)));
        Path windows = Files.createDirectory(directory.resolve("windows"));
        write(windows.resolve("hold.properties"), Map.of("name", "successful hold", "arrivalsPerSecond", "100.0",
                "start", Long.toString(T0.toEpochMilli()), "end", Long.toString(T0.plusSeconds(2).toEpochMilli())));

        List<String> report = CpuReport.format(windows, samples);

        // 200 holds: gateway 10 ms per hold of which 2 ms compiling; Redis 2 ms, no JIT figure
        assertThat(report.get(1)).contains("JIT ms/op");
        assertThat(report).anySatisfy(line ->
                assertThat(line.split("\\s+")).containsExactly("", "gateway", "2.00", "1.00", "10.000", "2.000"));
        assertThat(report).anySatisfy(line ->
                assertThat(line.split("\\s+")).containsExactly("", "Redis", "0.40", "0.20", "2.000"));
        assertThat(report.getLast().split("\\s+")).containsExactly("", "platform", "(all", "but", "Gatling)", "2.40",
                "1.20", "12.000", "2.000");
    }

    @TempDir
    Path directory;

    private static void write(Path file, Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
    }
}
