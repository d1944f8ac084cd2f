package dev.tiketi.bench;

import dev.tiketi.platform.Platform;
import dev.tiketi.platform.PlatformOptions;
import dev.tiketi.platform.PlatformStartException;
import dev.tiketi.platform.PortPlan;
import dev.tiketi.platform.RunningPlatform;
import dev.tiketi.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./tiketi bench SIMULATION [--against URL]}: starts a throw-away platform on free ports (or uses the
 * given one), runs the simulation against its gateway, stops the platform, and prints a summary of Gatling's
 * report. Exits with Gatling's status: 0 when every assertion (the SPEC targets) held, 2 when one failed.
 */
public final class BenchmarkRunner {

    /**
     * Public reads are limited to 300 per minute and IP (gateway application.yml); the load generator is one IP
     * that needs thousands per second. Passed to every service as a system property, which only the gateway reads.
     */
    static final String PUBLIC_READ_LIMIT_OVERRIDE = "-Dtiketi.gateway.rate-limits.public-read.limit=1000000000";

    private BenchmarkRunner() {
    }

    public static void main(String[] args) {
        RunnerArguments arguments;
        try {
            arguments = RunnerArguments.parse(args, Path.of(""));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(RunnerArguments.USAGE);
            System.exit(2);
            return;
        }
        Path benchTarget = arguments.rootDirectory().resolve("benchmarks").resolve("target");
        Path results = benchTarget.resolve("gatling");
        GatlingRun.Outcome outcome;
        if (arguments.against().isPresent()) {
            outcome = new GatlingRun(arguments.simulationClass(), arguments.against().get().toString(), results).run();
        } else {
            String runName = arguments.simulationSimpleName().toLowerCase(Locale.ROOT) + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            outcome = runOnThrowAwayPlatform(arguments, benchTarget.resolve("platform-runs").resolve(runName), results);
        }
        outcome.reportDirectory().ifPresentOrElse(report -> {
            System.out.println();
            System.out.println("report: " + report.resolve("index.html"));
            RunSummary.read(report).format().forEach(System.out::println);
        }, () -> System.out.println("Gatling wrote no report (exit status " + outcome.exitStatus() + ")"));
        if (outcome.exitStatus() == 2) {
            System.out.println("assertions failed: at least one target was missed (see the report's assertions)");
        }
        System.exit(outcome.exitStatus());
    }

    private static GatlingRun.Outcome runOnThrowAwayPlatform(RunnerArguments arguments, Path dataDirectory,
            Path results) {
        // as in PlatformLauncher: the in-process Kafka's chatter goes to <data>/logs/platform.log, not the console
        System.setProperty("tiketi.log-dir", dataDirectory.resolve("logs").toString());
        System.setProperty("logback.configurationFile", "tiketi-platform-logback.xml");

        PlatformOptions defaults = PlatformOptions.defaults(arguments.rootDirectory())
                .withDataDirectory(dataDirectory)
                .withPorts(PortPlan.freePorts(Topology.load()))
                // two cores shared with the build and other processes start slower than a quiet laptop
                .withStartTimeout(Duration.ofSeconds(240))
                .withProgress(line -> System.out.println("  [platform] " + line));
        PlatformOptions options = defaults.withAddedServiceJvmOptions(List.of(PUBLIC_READ_LIMIT_OVERRIDE));

        Platform platform = new Platform(options);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "tiketi-bench-stop"));
        System.out.println("starting a throw-away TIKETI (data and logs: " + dataDirectory + ")");
        try {
            RunningPlatform running = platform.start();
            System.out.println("TIKETI is up at " + running.gatewayUrl() + "; running "
                    + arguments.simulationClass());
            return new GatlingRun(arguments.simulationClass(), running.gatewayUrl(), results).run();
        } catch (PlatformStartException e) {
            System.err.println(e.getMessage());
            return new GatlingRun.Outcome(1, Optional.empty());
        } finally {
            platform.stop();
            deleteAllButLogs(dataDirectory);
        }
    }

    /** The database, Redis and Kafka data of a throw-away platform are of no use afterwards; its logs may be. */
    private static void deleteAllButLogs(Path dataDirectory) {
        Path logs = dataDirectory.resolve("logs");
        try (Stream<Path> entries = Files.walk(dataDirectory)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                if (!entry.startsWith(logs) && !entry.equals(dataDirectory)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean " + dataDirectory, e);
        }
    }
}
