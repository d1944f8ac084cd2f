package dev.tiketi.platform;

import dev.tiketi.infra.EmbeddedInfrastructure;
import dev.tiketi.infra.InfrastructureEndpoints;
import dev.tiketi.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole platform on one machine: embedded PostgreSQL, Redis and Kafka in this JVM (or as its children) and
 * every service as a child process. {@link #stop()} may be called at any moment, also while {@link #start()}
 * is still running (a shutdown hook on Ctrl-C), and from several threads.
 *
 * <p>Once started, a service that dies on its own is started again after a back-off (1 s, doubling up to
 * 30 s; back to 1 s after a run of a minute), each time with a progress line; commands from
 * {@code ./tiketi restart|kafka} arrive through the {@link ControlChannel}.
 */
public final class Platform {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 40;
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);
    /** A service that ran this long before dying starts a fresh back-off. */
    private static final Duration STABLE_RUN = Duration.ofMinutes(1);

    private final PlatformOptions options;
    private final ProcessRegistry registry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Set<String> expectedExits = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean stopStarted = new AtomicBoolean();
    private final CountDownLatch startFinished = new CountDownLatch(1);
    private final CountDownLatch stopFinished = new CountDownLatch(1);
    private final long createdNanos = System.nanoTime();
    private final Map<String, Integer> quickDeaths = new ConcurrentHashMap<>();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tiketi-supervisor").factory());
    private volatile EmbeddedInfrastructure infrastructure;
    private volatile ControlChannel control;

    public Platform(PlatformOptions options) {
        this.options = options;
        this.registry = new ProcessRegistry(options.dataDirectory());
    }

    /** Starts the platform and waits until every service is ready. */
    public static RunningPlatform start(PlatformOptions options) {
        return new Platform(options).start();
    }

    /**
     * @throws PlatformStartException when a jar is missing, a port is taken, the platform already runs from
     *                                this data directory, or a service fails or times out; whatever had started
     *                                is stopped again before this is thrown
     */
    public RunningPlatform start() {
        try {
            requireServiceJars();
            prepareDataDirectory();
            new Leftovers(registry, options.dataDirectory(), options.stopTimeout(), options.progress()).clean();
        } catch (RuntimeException e) {
            startFinished.countDown();
            throw e;
        }
        try {
            registry.track(ProcessRegistry.LAUNCHER, ProcessHandle.current());
            requireFreePorts();
            startInfrastructure();
            startServices();
            awaitReadiness();
            control = ControlChannel.open(options.dataDirectory(), this::carryOut);
        } catch (RuntimeException e) {
            startFinished.countDown();
            stop();
            throw e instanceof PlatformStartException failure ? failure
                    : new PlatformStartException("TIKETI did not start: " + e, e);
        }
        startFinished.countDown();
        return new RunningPlatform(this);
    }

    private void requireServiceJars() {
        List<String> missing = options.services().stream()
                .filter(service -> !Files.isRegularFile(options.serviceJar(service)))
                .map(service -> "  " + options.serviceJar(service))
                .toList();
        if (!missing.isEmpty()) {
            throw new PlatformStartException("service jars are missing (build them with ./mvnw -DskipTests package):"
                    + System.lineSeparator() + String.join(System.lineSeparator(), missing));
        }
    }

    private void prepareDataDirectory() {
        try {
            for (String directory : List.of("logs", "run", "keys")) {
                Files.createDirectories(options.dataDirectory().resolve(directory));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + options.dataDirectory(), e);
        }
    }

    private void requireFreePorts() {
        Set<String> names = new LinkedHashSet<>(List.of(PortPlan.POSTGRES, PortPlan.REDIS, PortPlan.KAFKA));
        names.addAll(options.services());
        if (options.services().contains("gateway")) {
            names.add(PortPlan.GATEWAY_MANAGEMENT);
        }
        List<String> busy = PortCheck.busyPorts(options.ports(), names);
        if (!busy.isEmpty()) {
            throw new PlatformStartException("ports already in use: " + String.join(", ", busy)
                    + ". Is TIKETI (or a local PostgreSQL/Redis/Kafka) already running? Stop it or free the ports"
                    + " (find the owner with: ss -ltnp | grep <port>).");
        }
    }

    private void startInfrastructure() {
        checkNotStopping();
        PortPlan ports = options.ports();
        infrastructure = EmbeddedInfrastructure.start(new EmbeddedInfrastructure.Ports(
                ports.port(PortPlan.POSTGRES), ports.port(PortPlan.REDIS), ports.port(PortPlan.KAFKA)),
                options.dataDirectory());
        // Redis runs as a child of this JVM; PostgreSQL detaches (pg_ctl) and is found through postmaster.pid.
        ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.contains("redis")).orElse(false))
                .forEach(redis -> registry.track("redis", redis));
        progress("PostgreSQL, Redis and Kafka up (%s)", elapsed());
        checkNotStopping();
    }

    private void startServices() {
        InfrastructureEndpoints endpoints = infrastructure.endpoints();
        Map<String, String> environment = Map.of(InternalSecret.ENVIRONMENT_VARIABLE, InternalSecret.forDataDirectory(options));
        for (String name : options.services()) {
            ServiceProcess service = new ServiceProcess(name, command(name, endpoints), environment,
                    options.dataDirectory().resolve("logs").resolve(name + ".log"), readinessUri(name));
            synchronized (services) {
                services.put(name, service);
            }
            launch(service, true);
        }
    }

    private void launch(ServiceProcess service, boolean freshLog) {
        checkNotStopping();
        Process process = service.start(freshLog);
        long launchedNanos = System.nanoTime();
        registry.track(service.name(), process.toHandle());
        process.onExit().thenAccept(exited -> {
            if (!stopRequested.get() && !expectedExits.remove(service.name() + "@" + exited.pid())) {
                scheduleRestart(service, exited.exitValue(), Duration.ofNanos(System.nanoTime() - launchedNanos));
            }
        });
    }

    /** A service died on its own: start it again after a back-off that grows while it keeps dying quickly. */
    private void scheduleRestart(ServiceProcess service, int exitCode, Duration ran) {
        int deaths = ran.compareTo(STABLE_RUN) >= 0 ? 1 : quickDeaths.merge(service.name(), 1, Integer::sum);
        quickDeaths.put(service.name(), deaths);
        Duration delay = restartDelay(deaths);
        progress("%s exited with code %d after %d s; restarting it in %d s (restart %d); its log: %s", service.name(),
                exitCode, ran.toSeconds(), delay.toSeconds(), deaths, service.logFile());
        try {
            supervisor.schedule(() -> relaunch(service), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping: nothing is restarted any more
        }
    }

    /** 1 s, 2 s, 4 s … up to 30 s. */
    static Duration restartDelay(int quickDeaths) {
        long seconds = FIRST_RESTART_DELAY.toSeconds() << Math.min(Math.max(quickDeaths - 1, 0), 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_RESTART_DELAY.toSeconds()));
    }

    private void relaunch(ServiceProcess service) {
        synchronized (service) {
            if (stopRequested.get() || service.isRunning()) {
                return;
            }
            try {
                launch(service, false);
                progress("%s restarted (pid %d)", service.name(), service.process().pid());
            } catch (RuntimeException e) {
                progress("%s could not be restarted: %s", service.name(), e.getMessage());
            }
        }
    }

    /** One command of the control channel, as words: {@code restart NAME}, {@code kafka stop|start}. */
    private String carryOut(List<String> words) {
        return switch (words.getFirst()) {
            case "restart" -> {
                if (words.size() != 2) {
                    throw new IllegalArgumentException("usage: restart SERVICE");
                }
                progress("restarting %s (asked by ./tiketi restart)", words.get(1));
                restart(words.get(1));
                progress("%s ready again (pid %d)", words.get(1), service(words.get(1)).process().pid());
                yield words.get(1) + " restarted and ready (pid " + service(words.get(1)).process().pid() + ")";
            }
            case "kafka" -> {
                String action = words.size() == 2 ? words.get(1) : "";
                switch (action) {
                    case "stop" -> infrastructure.stopKafka();
                    case "start" -> infrastructure.startKafka();
                    default -> throw new IllegalArgumentException("usage: kafka stop|start");
                }
                progress("Kafka %s (asked by ./tiketi kafka %s)", action.equals("stop") ? "stopped" : "started", action);
                yield "Kafka " + (action.equals("stop") ? "stopped" : "started");
            }
            default -> throw new IllegalArgumentException("unknown command: " + String.join(" ", words));
        };
    }

    private List<String> command(String service, InfrastructureEndpoints endpoints) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // a session of its own: a terminal's Ctrl-C reaches only the launcher, which stops the services in
            // order (gateway first) instead of every process at once
            command.add(SETSID.toString());
        }
        command.add(java);
        command.addAll(options.serviceJvmOptions());
        command.add("-jar");
        command.add(options.serviceJar(service).toString());
        command.add("--spring.profiles.active=" + options.profiles());
        // every service derives the others' URLs from tiketi.ports.*, so all of them follow the plan
        Topology.load().ports().keySet().forEach(name ->
                command.add("--tiketi.ports." + name + "=" + options.ports().port(name)));
        command.add("--spring.datasource.url=" + endpoints.databaseUrl());
        command.add("--spring.data.redis.host=" + endpoints.redisHost());
        command.add("--spring.data.redis.port=" + endpoints.redisPort());
        command.add("--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers());
        if (service.equals("user-service")) {
            command.add("--tiketi.auth.signing-key-file=" + options.signingKeyFile());
        }
        return command;
    }

    private URI readinessUri(String service) {
        return URI.create("http://127.0.0.1:" + options.ports().healthPort(service) + "/actuator/health/readiness");
    }

    private void awaitReadiness() {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        Set<ServiceProcess> pending = new LinkedHashSet<>(snapshot());
        while (!pending.isEmpty()) {
            checkNotStopping();
            for (var iterator = pending.iterator(); iterator.hasNext(); ) {
                ServiceProcess service = iterator.next();
                if (!service.isRunning()) {
                    throw new PlatformStartException(service.name() + " exited during start-up. Last lines of "
                            + service.logFile() + ":" + System.lineSeparator() + service.logTail(LOG_TAIL_LINES));
                }
                if (service.isReady(http)) {
                    progress("%s ready (%s)", service.name(), elapsed());
                    iterator.remove();
                }
            }
            if (System.nanoTime() > deadline && !pending.isEmpty()) {
                ServiceProcess first = pending.iterator().next();
                throw new PlatformStartException("not ready after " + options.startTimeout().toSeconds() + " s: "
                        + pending.stream().map(ServiceProcess::name).toList() + ". Last lines of " + first.logFile()
                        + ":" + System.lineSeparator() + first.logTail(LOG_TAIL_LINES));
            }
            sleep(POLL_INTERVAL);
        }
    }

    /**
     * Stops the gateway, then the services gracefully (SIGTERM, then SIGKILL after the stop timeout), then
     * Kafka, Redis and PostgreSQL, so nothing is cut off from what it still needs while it finishes its work.
     * Safe to call more than once and from any thread; later calls wait for the first to finish.
     */
    public void stop() {
        stopRequested.set(true);
        if (!stopStarted.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            // a start in progress notices the request at its next step and returns first
            startFinished.await(options.startTimeout().toMillis() + options.stopTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            ControlChannel channel = control;
            if (channel != null) {
                channel.close();
            }
            supervisor.shutdownNow();
            List<ServiceProcess> all = snapshot();
            // the entry point first, so no new request reaches a service that is shutting down
            stopServices(all.stream().filter(service -> service.name().equals("gateway")).toList());
            stopServices(all.stream().filter(service -> !service.name().equals("gateway")).toList());
            EmbeddedInfrastructure running = infrastructure;
            if (running != null) {
                Optional<ProcessHandle> postmaster = Leftovers.postmaster(options.dataDirectory());
                running.close();
                // pg_ctl returns once the server stops accepting connections, the postmaster exits a moment later
                postmaster.ifPresent(this::awaitExit);
                progress("PostgreSQL, Redis and Kafka stopped");
            }
            registry.forget();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopFinished.countDown();
        }
    }

    private void stopServices(List<ServiceProcess> toStop) {
        List<ProcessHandle> descendants = new ArrayList<>();
        List<CompletableFuture<Process>> exits = new ArrayList<>();
        for (ServiceProcess service : toStop) {
            if (service.isRunning()) {
                Process process = service.process();
                descendants.addAll(process.descendants().toList());
                service.requestStop();
                exits.add(process.onExit());
            }
        }
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                    .get(options.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            toStop.stream().filter(ServiceProcess::isRunning).forEach(service -> {
                progress("%s did not stop within %d s; killing it", service.name(), options.stopTimeout().toSeconds());
                service.kill();
            });
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (!toStop.isEmpty()) {
            progress("stopped %s", toStop.stream().map(ServiceProcess::name).toList());
        }
    }

    private void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(options.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    void awaitStopped() {
        try {
            stopFinished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void kill(String name) {
        ServiceProcess service = service(name);
        expectedExits.add(name + "@" + service.process().pid());
        service.kill();
    }

    /** SIGKILL as if the service had crashed: the supervisor restarts it. */
    void crash(String name) {
        service(name).kill();
    }

    void restart(String name) {
        ServiceProcess service = service(name);
        if (service.isRunning()) {
            expectedExits.add(name + "@" + service.process().pid());
            stopServices(List.of(service));
        }
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        synchronized (service) {
            if (!service.isRunning()) {
                launch(service, false);
            }
        }
        while (!service.isReady(http)) {
            if (!service.isRunning()) {
                throw new PlatformStartException(name + " exited during restart. Last lines of " + service.logFile()
                        + ":" + System.lineSeparator() + service.logTail(LOG_TAIL_LINES));
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformStartException(name + " not ready " + options.startTimeout().toSeconds()
                        + " s after restart; see " + service.logFile());
            }
            sleep(POLL_INTERVAL);
        }
    }

    ProcessHandle processOf(String name) {
        return service(name).process().toHandle();
    }

    PlatformOptions options() {
        return options;
    }

    InfrastructureEndpoints endpoints() {
        return infrastructure.endpoints();
    }

    EmbeddedInfrastructure infrastructureHandle() {
        return infrastructure;
    }

    private ServiceProcess service(String name) {
        synchronized (services) {
            ServiceProcess service = services.get(name);
            if (service == null) {
                throw new IllegalArgumentException(name + " is not part of this platform: " + services.keySet());
            }
            return service;
        }
    }

    private List<ServiceProcess> snapshot() {
        synchronized (services) {
            return List.copyOf(services.values());
        }
    }

    private void checkNotStopping() {
        if (stopRequested.get()) {
            throw new PlatformStartException("stopped while starting");
        }
    }

    private void progress(String format, Object... arguments) {
        options.progress().accept(String.format(Locale.ROOT, format, arguments));
    }

    private String elapsed() {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - createdNanos) / 1e9);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartException("interrupted while waiting for the services", e);
        }
    }
}
