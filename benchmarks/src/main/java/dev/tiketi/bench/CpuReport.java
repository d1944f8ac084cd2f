package dev.tiketi.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * CPU per operation for each process over each measured phase: the {@link SteadyWindow}s a simulation wrote, laid
 * over the runner's {@link ProcessCpuSampler} readings. "platform" is every process but the load generator (the
 * runner's JVM counts: it hosts Kafka). The last column is the part of a JVM's CPU per operation that its JIT
 * compiler threads spent in the window: compilation still going on, which a warmer JVM would not pay.
 */
final class CpuReport {

    private CpuReport() {
    }

    static List<String> format(Path windowDirectory, List<ProcessCpuSampler.Sample> samples) {
        List<String> lines = new ArrayList<>();
        for (Properties window : windows(windowDirectory)) {
            if (window.getProperty("start") == null || window.getProperty("end") == null) {
                lines.add("CPU: the window '" + window.getProperty("name") + "' never ended");
                continue;
            }
            Instant start = Instant.ofEpochMilli(Long.parseLong(window.getProperty("start")));
            Instant end = Instant.ofEpochMilli(Long.parseLong(window.getProperty("end")));
            ProcessCpuSampler.Spent spent;
            try {
                spent = ProcessCpuSampler.spent(samples, start, end);
            } catch (IllegalArgumentException e) {
                lines.add("CPU: " + e.getMessage());
                continue;
            }
            double markedSeconds = Duration.between(start, end).toMillis() / 1000.0;
            double operations = window.getProperty("operations") != null
                    ? Long.parseLong(window.getProperty("operations")) * spent.seconds() / markedSeconds
                    : Double.parseDouble(window.getProperty("arrivalsPerSecond")) * spent.seconds();
            lines.add(String.format(Locale.ROOT, "CPU per %s over %.0f s of its steady phase (%s – %s, %,.0f"
                            + " operations, %s):", window.getProperty("name"), spent.seconds(), spent.from(), spent.to(),
                    operations, window.getProperty("operations") != null ? "counted" : "arrivals × seconds"));
            lines.add(String.format(Locale.ROOT, "  %-26s %10s %8s %10s %10s", "process", "CPU s", "cores",
                    "ms / op", "JIT ms/op"));
            double platform = 0;
            Double platformCompiler = null;
            for (Map.Entry<String, Double> group : spent.cpuSeconds().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList()) {
                Double compiler = spent.compilerCpuSeconds().get(group.getKey());
                if (!group.getKey().equals(ProcessCpuSampler.GATLING)) {
                    platform += group.getValue();
                    if (compiler != null) {
                        platformCompiler = (platformCompiler == null ? 0 : platformCompiler) + compiler;
                    }
                }
                lines.add(row(group.getKey(), group.getValue(), compiler, spent.seconds(), operations));
            }
            lines.add(row("platform (all but Gatling)", platform, platformCompiler, spent.seconds(), operations));
        }
        return lines;
    }

    /** A process's line; the JIT column is blank for a process that is no JVM. */
    private static String row(String name, double cpuSeconds, Double compilerCpuSeconds, double seconds,
                              double operations) {
        String compiler = compilerCpuSeconds == null ? "" : String.format(Locale.ROOT, "%.3f",
                perOperation(compilerCpuSeconds, operations));
        return String.format(Locale.ROOT, "  %-26s %10.2f %8.2f %10.3f %10s", name, cpuSeconds, cpuSeconds / seconds,
                perOperation(cpuSeconds, operations), compiler).stripTrailing();
    }

    private static double perOperation(double cpuSeconds, double operations) {
        return operations > 0 ? cpuSeconds * 1000 / operations : Double.NaN;
    }

    private static List<Properties> windows(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".properties"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(CpuReport::load)
                    .sorted(Comparator.comparing(window -> window.getProperty("start", "")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        Properties window = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            window.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return window;
    }
}
