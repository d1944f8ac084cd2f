package dev.tiketi.gateway;

import dev.tiketi.testsupport.InfrastructureInitializer;
import io.netty.handler.codec.http.HttpHeaderNames;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Not a test: a measuring tool for the gateway's own CPU per proxied request (issue 14). It starts the gateway
 * against a trivial upstream (reactor-netty on threads of its own), hammers the queue-status route with
 * authenticated GETs from a reactor-netty client (again on threads of its own) for a warm-up and then a steady
 * window, and prints the CPU the process spent per request, less the upstream's and the client's threads and less
 * what the process spends idle (the test JVM runs an embedded Kafka broker), with the hottest frames of a JFR
 * recording of that window on the gateway's threads. Runs only when asked:
 *
 * <pre>./mvnw -B -ntp -o -pl gateway verify -Dtest=GatewayCpuHarness -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtiketi.harness=true [-Dtiketi.harness.seconds=20] [-Dtiketi.harness.sampling=0.1]</pre>
 *
 * <p>{@link #measureCapacity} ({@code -Dtest=GatewayCpuHarness#measureCapacity}) measures how much the gateway
 * serves instead: an open model, requests sent at a fixed rate whatever the answers (as Gatling's open injection
 * does), over as many connections as that takes, at each of {@code tiketi.harness.rates} per second in turn for
 * {@code tiketi.harness.step-seconds}, for the authenticated queue-status route (token check and per-user rate
 * limit in one Redis call) and for a public catalog read (no token, rate limit keyed by IP). Each step prints the
 * rate achieved, the latency percentiles (from the moment the request was due, so a stalled sender still counts)
 * and the gateway's CPU per request. A third route, a hold (a POST with a JSON body, token, per-user limit), is
 * measured the same way; {@code -Dtiketi.harness.jfr=false} leaves the flight recording off.
 *
 * <p>The report goes to {@code gateway/target/surefire-reports/dev.tiketi.gateway.GatewayCpuHarness-output.txt}
 * and the recording to {@code gateway/target/gateway-cpu.jfr} ({@code jfr print --events jdk.ExecutionSample}).
 * The numbers compare runs on one machine; the benchmarks (docs/benchmarks.md) measure the platform.
 */
@EnabledIfSystemProperty(named = "tiketi.harness", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        // the route's rule applies as in production, but high enough that the harness's users are never refused
        "tiketi.gateway.rate-limits.queue-status.limit=100000000",
        "tiketi.gateway.rate-limits.public-read.limit=1000000000",
        "tiketi.gateway.rate-limits.hold-pay.limit=100000000",
        "management.tracing.sampling.probability=${tiketi.harness.sampling:0.1}",
        "logging.level.root=warn"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class GatewayCpuHarness extends GatewayTestSupport {

    private static final String HARNESS_THREADS = "harness-";
    private static final String SENDER = HARNESS_THREADS + "sender";
    private static final int USERS = 2_000;
    private static final int CONCURRENCY = 32;
    private static final int WARM_UP_REQUESTS = 30_000;
    private static final DisposableServer UPSTREAM = HttpServer.create()
            .host("127.0.0.1").port(0)
            .runOn(LoopResources.create(HARNESS_THREADS + "upstream", 1, true))
            .handle((request, response) -> request.receive().then(response
                    .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .sendByteArray(Mono.just(HarnessBodies.STATUS)).then()))
            .bindNow();

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("tiketi.urls.queue-service", () -> "http://127.0.0.1:" + UPSTREAM.port());
        registry.add("tiketi.urls.event-service", () -> "http://127.0.0.1:" + UPSTREAM.port());
        registry.add("tiketi.urls.reservation-service", () -> "http://127.0.0.1:" + UPSTREAM.port());
    }

    /**
     * spring-security-test's listener puts a hook on every Reactor operator of a test method, to hand a test's
     * security context to reactive code: a subscriber more per operator, which production does not have.
     */
    @BeforeEach
    void withoutTheSecurityTestHook() {
        Hooks.resetOnLastOperator(SecurityContext.class.getName());
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.disposeNow();
    }

    @Test
    void measureCpuPerProxiedRequest() throws Exception {
        long seconds = Long.getLong("tiketi.harness.seconds", 20);
        List<String> authorizations = IntStream.range(0, USERS)
                .mapToObj(i -> "Bearer " + tokens.user(UUID.randomUUID())).toList();
        LoopResources clientLoops = LoopResources.create(HARNESS_THREADS + "client", 1, true);
        HttpClient client = HttpClient.create(ConnectionProvider.create(HARNESS_THREADS + "pool", CONCURRENCY))
                .runOn(clientLoops)
                .baseUrl("http://127.0.0.1:" + port);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();

        // until C2 has compiled the hot path: a number of requests, not a time, as the box may be busy
        long warmUpStart = System.nanoTime();
        while (ok.get() < WARM_UP_REQUESTS && System.nanoTime() - warmUpStart < Duration.ofSeconds(120).toNanos()) {
            hammer(client, authorizations, Duration.ofSeconds(5), ok, failed);
        }
        System.out.printf("warm-up: %d ok, %d failed in %d s%n", ok.get(), failed.get(),
                Duration.ofNanos(System.nanoTime() - warmUpStart).toSeconds());

        // what the process spends with no requests at all (the test JVM's embedded Kafka broker, timers): taken off
        Snapshot idleStart = Snapshot.take();
        Thread.sleep(5_000);
        Snapshot idleEnd = Snapshot.take();
        double idleNanosPerSecond = (idleEnd.process - idleStart.process - idleEnd.harness(idleStart))
                / ((idleEnd.wallNanos - idleStart.wallNanos) / 1e9);

        ok.set(0);
        failed.set(0);
        Path jfr = Path.of("target", "gateway-cpu.jfr");
        Snapshot before;
        Snapshot after;
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            before = Snapshot.take();
            hammer(client, authorizations, Duration.ofSeconds(seconds), ok, failed);
            after = Snapshot.take();
            recording.stop();
            recording.dump(jfr);
        }
        clientLoops.disposeLater().block();

        long requests = ok.get() + failed.get();
        long processNanos = after.process - before.process;
        long harnessNanos = after.harness(before);
        double idleNanos = idleNanosPerSecond * (after.wallNanos - before.wallNanos) / 1e9;
        System.out.printf("steady window: %d s, %d requests (%d not 200), %.0f req/s%n",
                seconds, requests, failed.get(), requests / (double) seconds);
        System.out.printf("process CPU %.3f ms/request, harness threads (client, upstream) %.3f ms/request%n",
                processNanos / 1e6 / requests, harnessNanos / 1e6 / requests);
        System.out.printf("idle CPU (no requests) %.1f ms/s%n", idleNanosPerSecond / 1e6);
        System.out.printf("gateway threads (event loops, Lettuce, schedulers): CPU %.3f ms/request, "
                        + "allocated %.1f KB/request%n",
                (after.gatewayCpu(before)) / 1e6 / requests, after.gatewayAllocated(before) / 1024.0 / requests);
        System.out.printf("GATEWAY CPU %.3f ms/request (process less harness threads less idle; GC and JIT included)%n",
                (processNanos - harnessNanos - idleNanos) / 1e6 / requests);
        printTopFrames(jfr);
    }

    @Test
    void measureCapacity() throws Exception {
        long stepSeconds = Long.getLong("tiketi.harness.step-seconds", 10);
        List<Integer> rates = java.util.Arrays.stream(
                        System.getProperty("tiketi.harness.rates", "1000,2000,3000,4000,5000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        List<String> authorizations = IntStream.range(0, USERS)
                .mapToObj(i -> "Bearer " + tokens.user(UUID.randomUUID())).toList();
        LoopResources clientLoops = LoopResources.create(HARNESS_THREADS + "client", 1, true);
        HttpClient client = HttpClient.create(ConnectionProvider.builder(HARNESS_THREADS + "open-pool")
                        .maxConnections(2_000).pendingAcquireMaxCount(-1)
                        .pendingAcquireTimeout(Duration.ofSeconds(60)).build())
                .runOn(clientLoops)
                .baseUrl("http://127.0.0.1:" + port);
        Map<String, OpenLoad.Request> targets = new java.util.LinkedHashMap<>();
        targets.put("queue status (token, per-user limit)", n -> client
                .headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION,
                        authorizations.get((int) (n % authorizations.size()))))
                .get().uri("/api/queue/7/status"));
        targets.put("public read (no token, per-IP limit)", n -> client.get().uri("/api/events/7"));
        targets.put("hold (token, JSON body, per-user limit)", n -> client
                .headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION,
                                authorizations.get((int) (n % authorizations.size())))
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
                .post().uri("/api/reservations")
                .send(ByteBufFlux.fromString(Mono.just(HarnessBodies.HOLD))));

        // warm-up: every route at 1,500/s until C2 has compiled it
        for (OpenLoad.Request target : targets.values()) {
            OpenLoad.run(target, 1_500, Duration.ofSeconds(Long.getLong("tiketi.harness.warm-up-seconds", 20)), SENDER);
        }
        Snapshot idleStart = Snapshot.take();
        Thread.sleep(5_000);
        Snapshot idleEnd = Snapshot.take();
        double idleNanosPerSecond = (idleEnd.process - idleStart.process - idleEnd.harness(idleStart))
                / ((idleEnd.wallNanos - idleStart.wallNanos) / 1e9);
        System.out.printf("idle CPU (no requests) %.1f ms/s, load average at start %.2f%n",
                idleNanosPerSecond / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Path jfr = Path.of("target", "gateway-capacity.jfr");
        // a recording costs the gateway a little CPU of its own: off to compare with ProxyFloorHarness, which has none
        boolean recorded = Boolean.parseBoolean(System.getProperty("tiketi.harness.jfr", "true"));
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            if (recorded) {
                recording.start();
            }
            for (Map.Entry<String, OpenLoad.Request> target : targets.entrySet()) {
                System.out.printf("%n%s, %d s per rate%n", target.getKey(), stepSeconds);
                System.out.println("   rate  achieved  not-200   p50 ms   p90 ms   p99 ms   max ms  gateway CPU ms/req"
                        + "  (process, load avg)");
                for (int rate : rates) {
                    Snapshot before = Snapshot.take();
                    OpenLoad.Step step = OpenLoad.run(target.getValue(), rate, Duration.ofSeconds(stepSeconds), SENDER);
                    Snapshot after = Snapshot.take();
                    long wall = after.wallNanos - before.wallNanos;
                    double gatewayNanos = after.process - before.process - after.harness(before) - step.senderNanos()
                            - idleNanosPerSecond * wall / 1e9;
                    System.out.printf("%7d %9.0f %8d %8.1f %8.1f %8.1f %8.1f %11.3f  (%.2f cores, %.2f)%n",
                            rate, step.sent() / (double) stepSeconds, step.failed(), step.percentile(50),
                            step.percentile(90), step.percentile(99), step.percentile(100),
                            gatewayNanos / 1e6 / step.sent(), gatewayNanos / wall,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    Thread.sleep(2_000);
                    if (step.percentile(99) > 1_000) {
                        break; // past saturation: higher rates only queue more
                    }
                }
            }
            if (recorded) {
                recording.stop();
                recording.dump(jfr);
            }
        }
        clientLoops.disposeLater().block();
        if (recorded) {
            printTopFrames(jfr);
        }
    }

    private static void hammer(HttpClient client, List<String> authorizations, Duration duration, AtomicLong ok,
                               AtomicLong failed) {
        AtomicLong next = new AtomicLong();
        Flux.<Integer>generate(sink -> sink.next((int) (next.getAndIncrement() % authorizations.size())))
                .take(duration)
                .flatMap(user -> client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION,
                                        authorizations.get(user)))
                                .get().uri("/api/queue/7/status")
                                .responseSingle((response, body) -> body.asByteArray()
                                        .defaultIfEmpty(new byte[0])
                                        .map(ignored -> response.status().code()))
                                .doOnNext(status -> (status == 200 ? ok : failed).incrementAndGet())
                                .onErrorResume(e -> {
                                    failed.incrementAndGet();
                                    return Mono.empty();
                                }),
                        CONCURRENCY)
                .blockLast(duration.plusSeconds(30));
    }

    /** Top frames (where the CPU is spent) and the gateway-relevant frames anywhere on the stack. */
    private static void printTopFrames(Path jfr) throws Exception {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> onStack = new HashMap<>();
        Map<String, Integer> threadGroups = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getThread("sampledThread") == null) {
                continue;
            }
            String thread = String.valueOf(event.getThread("sampledThread").getJavaName());
            if (!isGatewayThread(thread)) {
                continue;
            }
            threadGroups.merge(thread.replaceAll("-\\d+$", "-N"), 1, Integer::sum);
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                top.merge(name(frames.getFirst()), 1, Integer::sum);
            }
            frames.stream().map(GatewayCpuHarness::name).distinct()
                    .filter(name -> name.startsWith("dev.tiketi") || name.contains("Filter.filter")
                            || name.contains("Decoder.decode") || name.contains("Observation")
                            || name.contains("Tracer") || name.contains("Meter") || name.contains("Redis")
                            || name.contains("Jackson") || name.contains("Json") || name.contains("Logback")
                            || name.contains("Nimbus") || name.contains("RSA") || name.contains("Signature"))
                    .forEach(name -> onStack.merge(name, 1, Integer::sum));
        }
        System.out.printf("%nJFR %s: %d execution samples on the gateway's threads%n", jfr.toAbsolutePath(),
                samples);
        print("threads", threadGroups, samples, 10);
        print("top frames (self)", top, samples, 30);
        print("on the stack (inclusive), selected", onStack, samples, 60);
    }

    /** The server's event loops, the proxy client's, Lettuce's, Reactor's schedulers. */
    private static boolean isGatewayThread(String name) {
        return !name.startsWith(HARNESS_THREADS) && (name.startsWith("webflux-http-") || name.startsWith("reactor-")
                || name.startsWith("lettuce-") || name.startsWith("parallel-") || name.startsWith("boundedElastic-"));
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** CPU of the whole process and of each harness thread at one moment. */
    private record Snapshot(long process, Map<Long, Long> harnessThreads, Map<Long, Long> gatewayThreads,
                            Map<Long, Long> gatewayAllocations, long wallNanos) {

        static Snapshot take() {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            Map<Long, Long> harness = new HashMap<>();
            Map<Long, Long> gateway = new HashMap<>();
            Map<Long, Long> allocations = new HashMap<>();
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long id = info.getThreadId();
                if (info.getThreadName().startsWith(HARNESS_THREADS)) {
                    harness.put(id, threads.getThreadCpuTime(id));
                } else if (isGatewayThread(info.getThreadName())) {
                    gateway.put(id, threads.getThreadCpuTime(id));
                    allocations.put(id, threads.getThreadAllocatedBytes(id));
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Snapshot(os.getProcessCpuTime(), harness, gateway, allocations, System.nanoTime());
        }

        long harness(Snapshot before) {
            return delta(harnessThreads, before.harnessThreads);
        }

        long gatewayCpu(Snapshot before) {
            return delta(gatewayThreads, before.gatewayThreads);
        }

        long gatewayAllocated(Snapshot before) {
            return delta(gatewayAllocations, before.gatewayAllocations);
        }

        private static long delta(Map<Long, Long> now, Map<Long, Long> then) {
            return now.entrySet().stream().mapToLong(e -> e.getValue() - then.getOrDefault(e.getKey(), 0L)).sum();
        }
    }
}
