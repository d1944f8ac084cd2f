package dev.tiketi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One simulation in a JVM of its own. The runner's JVM hosts the platform's Kafka, PostgreSQL and Redis
 * supervision; the load generator gets its own heap and garbage collector so that neither disturbs the
 * other's timings.
 *
 * @param simulationClass  the simulation's class name
 * @param platform         {@code bench.*} settings that describe the platform under load ({@code bench.baseUrl},
 *                         and where known {@code bench.signingKey}, {@code bench.redisPort}); they take precedence
 *                         over the same settings on the runner's command line
 * @param resultsDirectory where Gatling writes its run directories (simulation log and HTML report)
 */
record GatlingRun(String simulationClass, Map<String, String> platform, Path resultsDirectory) {

    GatlingRun {
        if (!platform.containsKey("bench.baseUrl")) {
            throw new IllegalArgumentException("which gateway? bench.baseUrl is missing");
        }
        platform = Map.copyOf(platform);
    }

    /** What the run left behind: Gatling's exit status and the report directory, if it wrote one. */
    record Outcome(int exitStatus, Optional<Path> reportDirectory) {
    }

    Outcome run() {
        Set<Path> before = runDirectories();
        Process gatling;
        try {
            Files.createDirectories(resultsDirectory);
            gatling = new ProcessBuilder(command()).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Gatling: " + e.getMessage(), e);
        }
        // Ctrl-C reaches the child through the terminal; a plain kill of the runner would not
        Thread stopGatling = new Thread(gatling::destroy, "gatling-stop");
        Runtime.getRuntime().addShutdownHook(stopGatling);
        int status;
        try {
            status = gatling.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gatling.destroy();
            throw new IllegalStateException("interrupted while Gatling ran", e);
        }
        Runtime.getRuntime().removeShutdownHook(stopGatling);
        Set<Path> created = runDirectories();
        created.removeAll(before);
        return new Outcome(status, created.stream().findFirst());
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // the JVM flags gatling-maven-plugin uses (GatlingConstants in gatling-enterprise-plugin-commons):
        // Gatling's stats writer reaches into java.lang and Netty into jdk.internal.misc
        command.addAll(List.of("-Xms256m", "-Xmx1g",
                "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            // Netty's direct buffers use sun.misc.Unsafe; since JDK 23 that prints warnings unless allowed
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench.") && !platform.containsKey(name))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        platform.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(setting -> command.add("-D" + setting.getKey() + "=" + setting.getValue()));
        command.add("io.gatling.app.Gatling");
        command.addAll(List.of("--simulation", simulationClass,
                "--results-folder", resultsDirectory.toString(),
                "--run-description", "against " + platform.get("bench.baseUrl")));
        return command;
    }

    private Set<Path> runDirectories() {
        if (!Files.isDirectory(resultsDirectory)) {
            return new HashSet<>();
        }
        try (Stream<Path> entries = Files.list(resultsDirectory)) {
            return entries.filter(Files::isDirectory).collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
