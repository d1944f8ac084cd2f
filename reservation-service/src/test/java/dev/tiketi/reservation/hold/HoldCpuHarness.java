package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: a measuring tool for reservation-service's own CPU and PostgreSQL statements per successful hold
 * (issue 14). It puts two events on sale, takes every seat of the first two at a time to warm up, then every seat of
 * the second from {@value #CONCURRENCY} client threads with tokens and bodies made beforehand, and prints the
 * process's CPU per hold less the client's threads and less what the process spends idle (the test JVM runs an
 * embedded Kafka broker), the statements PostgreSQL ran per hold (pg_stat_statements where it exists, else
 * transactions), and the hottest frames of a JFR recording of the window. Runs only when asked:
 *
 * <pre>./mvnw -B -ntp -o -pl reservation-service -am verify -Dtest=HoldCpuHarness \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtiketi.harness=true</pre>
 *
 * The report goes to {@code reservation-service/target/surefire-reports/dev.tiketi.reservation.hold.HoldCpuHarness-output.txt},
 * the recording to {@code reservation-service/target/hold-cpu.jfr}.
 */
@EnabledIfSystemProperty(named = "tiketi.harness", matches = "true")
@TestPropertySource(properties = {"management.tracing.sampling.probability=${tiketi.harness.sampling:0.1}",
        "logging.level.root=warn"})
class HoldCpuHarness extends ReservationIntegrationTest {

    private static final String HARNESS_THREADS = "harness-";
    private static final int CONCURRENCY = 16;
    private static final int WARM_UP_SEATS = Integer.getInteger("tiketi.harness.warm-up-seats", 8_000);
    private static final int SEATS = Integer.getInteger("tiketi.harness.seats", 8_000);

    @Test
    void measureCpuPerHold() throws Exception {
        TestEvent warmUp = catalog.onSale(WARM_UP_SEATS);
        TestEvent measured = catalog.onSale(SEATS);
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory threads = task -> new Thread(task, HARNESS_THREADS + threadNumber.incrementAndGet());
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY, threads);
             HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2, threads)).build()) {
            long[] warm = holdAll(client, pool, requests(warmUp));
            System.out.printf("warm-up: %d ok, %d failed%n", warm[0], warm[1]);

            Snapshot idleStart = Snapshot.take();
            Thread.sleep(5_000);
            Snapshot idleEnd = Snapshot.take();
            double idleNanosPerSecond = (idleEnd.process - idleStart.process - (idleEnd.harness - idleStart.harness))
                    / ((idleEnd.wallNanos - idleStart.wallNanos) / 1e9);

            List<HttpRequest> requests = requests(measured);
            Path jfr = Path.of("target", "hold-cpu.jfr");
            long statementsBefore = statements();
            Snapshot before;
            Snapshot after;
            long[] result;
            try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                recording.start();
                before = Snapshot.take();
                result = holdAll(client, pool, requests);
                after = Snapshot.take();
                recording.stop();
                recording.dump(jfr);
            }
            long statements = statements() - statementsBefore;
            double seconds = (after.wallNanos - before.wallNanos) / 1e9;
            long holds = result[0];
            double idleNanos = idleNanosPerSecond * seconds;
            System.out.printf("steady window: %.1f s, %d holds ok, %d failed, %.0f holds/s%n", seconds, holds, result[1],
                    holds / seconds);
            System.out.printf("idle CPU (no requests) %.1f ms/s%n", idleNanosPerSecond / 1e6);
            System.out.printf("client threads %.3f ms/hold%n", (after.harness - before.harness) / 1e6 / holds);
            System.out.printf("SERVICE CPU %.3f ms/hold (process less client threads less idle; GC and JIT included)%n",
                    (after.process - before.process - (after.harness - before.harness) - idleNanos) / 1e6 / holds);
            System.out.printf("PostgreSQL %s: %.2f per hold%n", statementsKind(), statements / (double) holds);
            printTopFrames(jfr);
        }
    }

    /** Every seat of the event, two at a time, each pair by a buyer of its own with a fresh admission. */
    private List<HttpRequest> requests(TestEvent event) {
        List<HttpRequest> requests = new ArrayList<>();
        List<UUID> seats = event.seatIds();
        for (int i = 0; i + 1 < seats.size(); i += 2) {
            UUID buyer = UUID.randomUUID();
            String body = """
                    {"eventId":"%s","seatIds":%s,"admissionToken":"%s"}""".formatted(event.id(),
                    jsonIds(seats.subList(i, i + 2)), upstreams.admit(buyer, event.id()));
            requests.add(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reservations"))
                    .header("Authorization", "Bearer " + tokens.user(buyer))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
        return requests;
    }

    private static long[] holdAll(HttpClient client, ExecutorService pool, List<HttpRequest> requests)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        List<java.util.concurrent.Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            workers.add(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    try {
                        int status = client.send(requests.get(i), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 201 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.invokeAll(workers);
        return new long[] {ok.get(), failed.get()};
    }

    private long statements() {
        if (hasStatementStatistics()) {
            return jdbc.sql("SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements").query(Long.class).single();
        }
        return jdbc.sql("SELECT sum(xact_commit + xact_rollback)::bigint FROM pg_stat_database")
                .query(Long.class).single();
    }

    private String statementsKind() {
        return hasStatementStatistics() ? "statements (pg_stat_statements, every database)"
                : "transactions (pg_stat_database, every database; no pg_stat_statements)";
    }

    private boolean hasStatementStatistics() {
        return jdbc.sql("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")
                .query(Long.class).single() > 0;
    }

    private record Snapshot(long process, long harness, long wallNanos) {

        static Snapshot take() {
            var threadBean = ManagementFactory.getThreadMXBean();
            long harness = 0;
            for (var info : threadBean.getThreadInfo(threadBean.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith(HARNESS_THREADS)) {
                    harness += Math.max(0, threadBean.getThreadCpuTime(info.getThreadId()));
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Snapshot(os.getProcessCpuTime(), harness, System.nanoTime());
        }
    }

    private static void printTopFrames(Path jfr) throws Exception {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> onStack = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getThread("sampledThread") == null
                    || String.valueOf(event.getThread("sampledThread").getJavaName()).startsWith(HARNESS_THREADS)) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                top.merge(name(frames.getFirst()), 1, Integer::sum);
            }
            frames.stream().map(HoldCpuHarness::name).distinct()
                    .filter(name -> name.startsWith("dev.tiketi") || name.contains("Observation")
                            || name.contains("regex") || name.contains("Firewall") || name.contains("Jdbc")
                            || name.contains("Redis") || name.contains("Kafka") || name.contains("Decoder"))
                    .forEach(name -> onStack.merge(name, 1, Integer::sum));
        }
        System.out.printf("%nJFR %s: %d execution samples outside the client's threads%n", jfr.toAbsolutePath(), samples);
        print("top frames (self)", top, samples, 25);
        print("on the stack (inclusive), selected", onStack, samples, 50);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("%5.1f%% %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
