package dev.tiketi.bench;

import dev.tiketi.platform.DataDirectory;
import dev.tiketi.platform.Platform;
import dev.tiketi.platform.PlatformOptions;
import dev.tiketi.platform.PlatformStartException;
import dev.tiketi.platform.PortPlan;
import dev.tiketi.platform.RunningPlatform;
import dev.tiketi.platform.SigningKey;
import dev.tiketi.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./tiketi bench SIMULATION [--against URL]}: starts a throw-away platform on free ports (or uses the
 * given one), runs the simulation against its gateway, stops the platform, and prints a summary of Gatling's
 * report. Exits with Gatling's status: 0 when every assertion (the SPEC targets) held, 2 when one failed.
 */
public final class BenchmarkRunner {

    /**
     * JVM options and settings of the throw-away platform's services: JVMs sized for serving, and limits a benchmark
     * would otherwise run into rather than measure. Every service gets all of them; each setting is read only by
     * the service it names. The rate limiters still run (their Redis round trip is part of what is measured), they
     * just never refuse.
     */
    static final List<String> SERVICE_OVERRIDES = List.of(
            // C1 alone (the launcher's -XX:TieredStopAtLevel=1, overridden here as the later flag wins) starts
            // services faster, but runs hot code such as the BigInteger arithmetic of every RS256 token check
            // several times slower than C2, as no production JVM would
            "-XX:TieredStopAtLevel=4",
            // the launcher's 256 MB Serial-GC heaps are sized for idle memory; under load they paused the queue
            // benchmark's services for 25–200 ms at random (full GCs of the gateway, young GCs of queue-service),
            // which decided its p99s. A serving JVM gets a heap and a collector for serving, and room for C2's code.
            "-Xmx512m", "-XX:-UseSerialGC", "-XX:+UseParallelGC", "-XX:ReservedCodeCacheSize=128m",
            // With the Parallel collector every "Metadata GC Threshold" and "CodeCache GC Threshold" collection is a
            // full, stop-the-world one (100–480 ms here): two per service as metaspace grew past its 21 MB starting
            // mark, then one each time C2 had added 15 % of the code cache, through the warm-up and into the
            // measured window (a 171 ms pause of reservation-service at the start of a hold run's). A service's
            // metaspace stays under 150 MB and its compiled code under 40 MB, so neither mark is reached now; the
            // code cache is still cleaned when it runs low (StartAggressiveSweepingAt).
            "-XX:MetaspaceSize=192m", "-XX:SweeperThreshold=50",
            // public reads: 300 per minute and IP (gateway application.yml); the load generator is one IP that
            // needs thousands per second
            "-Dtiketi.gateway.rate-limits.public-read.limit=1000000000",
            // queue status polls: 60 per minute and user; QueueSimulation's pollers poll several times a second
            "-Dtiketi.gateway.rate-limits.queue-status.limit=1000000000",
            // the progress figure: 600 per minute and IP; QueueSimulation's progress polls come from one IP
            "-Dtiketi.gateway.rate-limits.queue-progress.limit=1000000000",
            // holds and payments: 20 per minute and user; a hold benchmark's users hold again after every refusal
            "-Dtiketi.gateway.rate-limits.hold-pay.limit=1000000000",
            // a waiting room holds 50,000 by default; SPEC section 4 measures one holding 1,000,000
            "-Dtiketi.queue.capacity=2000000");

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
        List<String> cpu = List.of();
        if (arguments.against().isPresent()) {
            outcome = new GatlingRun(arguments.simulationClass(), againstSettings(arguments), results).run();
        } else {
            String runName = arguments.simulationSimpleName().toLowerCase(Locale.ROOT) + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Measured measured = runOnThrowAwayPlatform(arguments,
                    benchTarget.resolve("platform-runs").resolve(runName), results);
            outcome = measured.outcome();
            cpu = measured.cpu();
        }
        outcome.reportDirectory().ifPresentOrElse(report -> {
            System.out.println();
            System.out.println("report: " + report.resolve("index.html"));
            RunSummary.read(report).format().forEach(System.out::println);
        }, () -> System.out.println("Gatling wrote no report (exit status " + outcome.exitStatus() + ")"));
        cpu.forEach(System.out::println);
        if (outcome.exitStatus() == 2) {
            System.out.println("assertions failed: at least one target was missed (see the report's assertions)");
        }
        System.exit(outcome.exitStatus());
    }

    /** Gatling's outcome, and the CPU per operation of every process over each measured phase ({@link CpuReport}). */
    private record Measured(GatlingRun.Outcome outcome, List<String> cpu) {
    }

    private static Measured runOnThrowAwayPlatform(RunnerArguments arguments, Path dataDirectory,
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
        List<String> serviceOptions = new java.util.ArrayList<>(SERVICE_OVERRIDES);
        // an A/B run's variant, e.g. -Dbench.serviceOptions="-Dspring.threads.virtual.enabled=false"; later
        // options win, so these override the ones above
        String extra = System.getProperty("bench.serviceOptions", "").strip();
        if (!extra.isEmpty()) {
            serviceOptions.addAll(List.of(extra.split("\\s+")));
        }
        if (Boolean.getBoolean("bench.jfr")) {
            // a flight recording per service JVM (%p: its pid), written when the platform stops it; read one with
            // `jfr view hot-methods FILE` (the pids are printed below)
            serviceOptions.add("-XX:StartFlightRecording=dumponexit=true,filename="
                    + dataDirectory.resolve("logs").toAbsolutePath() + "/service-%p.jfr");
        }
        PlatformOptions options = defaults.withAddedServiceJvmOptions(serviceOptions);

        // simulations that need many users sign their tokens with it instead of registering and logging them in
        SigningKey.generateFor(options);
        Platform platform = new Platform(options);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "tiketi-bench-stop"));
        System.out.println("starting a throw-away TIKETI (data and logs: " + dataDirectory + ")");
        try {
            RunningPlatform running = platform.start();
            System.out.println("TIKETI is up at " + running.gatewayUrl() + "; running "
                    + arguments.simulationClass());
            running.services().forEach(service -> System.out.println("  " + service + ": pid "
                    + running.processOf(service).pid()));
            // kept with the logs: the data directory's other contents are deleted after the run
            Path windows = dataDirectory.resolve("logs").resolve("steady-windows");
            Map<String, String> settings = new HashMap<>(Map.of(
                    "bench.baseUrl", running.gatewayUrl(),
                    "bench.signingKey", options.signingKeyFile().toString(),
                    "bench.redisHost", running.infrastructure().redisHost(),
                    "bench.redisPort", Integer.toString(running.infrastructure().redisPort()),
                    "bench.databaseUrl", running.infrastructure().databaseUrl(),
                    SteadyWindow.DIRECTORY_PROPERTY, windows.toString()));
            // -Dbench.direct=queue-service: the measured requests skip the gateway, to tell what it costs
            String direct = System.getProperty("bench.direct");
            if (direct != null) {
                settings.put("bench.loadUrl", running.serviceUrl(direct));
                System.out.println("measured requests go straight to " + direct + " at " + running.serviceUrl(direct));
            }
            if (!ProcessCpuSampler.available()) {
                return new Measured(new GatlingRun(arguments.simulationClass(), settings, results).run(),
                        List.of("CPU: no /proc on this machine, nothing sampled"));
            }
            ProcessCpuSampler sampler = new ProcessCpuSampler(Set.copyOf(running.services()),
                    dataDirectory);
            GatlingRun.Outcome outcome;
            try {
                outcome = new GatlingRun(arguments.simulationClass(), settings, results).run();
            } finally {
                sampler.close();
            }
            return new Measured(outcome, CpuReport.format(windows, sampler.samples()));
        } catch (PlatformStartException e) {
            System.err.println(e.getMessage());
            return new Measured(new GatlingRun.Outcome(1, Optional.empty()), List.of());
        } finally {
            platform.stop();
            deleteAllButLogs(dataDirectory);
        }
    }

    /**
     * A platform the user started keeps its signing key in its data directory; the simulation gets that file unless
     * {@code -Dbench.signingKey} names another. Its Redis is assumed on the topology's port ({@code BenchConfig}).
     */
    private static Map<String, String> againstSettings(RunnerArguments arguments) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bench.baseUrl", arguments.against().orElseThrow().toString());
        Path root = arguments.rootDirectory();
        Path signingKey = PlatformOptions.defaults(root)
                .withDataDirectory(DataDirectory.byDefault(root, System.getenv())).signingKeyFile();
        if (System.getProperty("bench.signingKey") == null && Files.isReadable(signingKey)) {
            settings.put("bench.signingKey", signingKey.toString());
        }
        return settings;
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
