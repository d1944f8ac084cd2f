package dev.tiketi.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CPU time of every process of a throw-away platform and of the load generator, read from {@code /proc/<pid>/stat}
 * (utime + stime) once a second while a simulation runs. The runner's own process tree is the platform: the
 * runner JVM itself (which hosts the in-process Kafka broker), the service JVMs, Redis and Gatling's JVM; PostgreSQL,
 * which {@code pg_ctl} detaches from its starter, is found by its data directory on the postmaster's command line.
 * A process that ends keeps its last reading, so a group's CPU never goes backwards.
 *
 * <p>A JVM's JIT compiler threads are read on their own too ({@code /proc/<pid>/task/<tid>/stat} of the threads
 * named {@code C1/C2 CompilerThread…}): on two busy cores C2 can still be compiling minutes into a run, and a
 * "steady" window whose CPU is a quarter compilation measures the warm-up, not the path. The report says how much
 * of each process's CPU that was. A compiler thread that ends (the JVM starts and stops them as its queue grows
 * and shrinks) keeps its last reading like a process.
 */
final class ProcessCpuSampler implements AutoCloseable {

    /** USER_HZ: the unit of /proc's CPU times, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    static final String RUNNER = "runner (Kafka broker)";
    static final String GATLING = "Gatling (load generator)";
    private static final String POSTGRESQL = "PostgreSQL";
    private static final String REDIS = "Redis";

    /** CPU seconds per process group at one instant, and the part of it its JIT compiler threads spent. */
    record Sample(Instant at, Map<String, Double> cpuSeconds, Map<String, Double> compilerCpuSeconds) {
    }

    private final Set<String> services;
    private final String dataDirectory;
    private volatile ProcessHandle postmaster;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Map<Long, Reading> lastReading = new ConcurrentHashMap<>();
    /** By thread id, which is unique machine-wide while the thread lives, as a pid is. */
    private final Map<Long, Reading> lastCompilerReading = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> isCompilerThread = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private record Reading(String group, long ticks) {
    }

    /**
     * @param services      the platform's service names, as their jars are named ({@code gateway.jar}, …)
     * @param dataDirectory the platform's data directory, under which its PostgreSQL keeps its files
     */
    ProcessCpuSampler(Set<String> services, Path dataDirectory) {
        this.services = Set.copyOf(services);
        this.dataDirectory = dataDirectory.toAbsolutePath().toString();
        this.thread = Thread.ofPlatform().daemon().name("process-cpu-sampler").start(this::sampleEverySecond);
    }

    /** Whether this machine has a /proc to read. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    private void sampleEverySecond() {
        while (running) {
            sample();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        ProcessHandle self = ProcessHandle.current();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(self);
        self.descendants().forEach(tree::add);
        ProcessHandle database = postmaster();
        if (database != null) {
            tree.add(database);
            database.descendants().forEach(tree::add);
        }
        Instant at = Instant.now();
        for (ProcessHandle process : tree) {
            long ticks = ticks(Long.toString(process.pid()));
            if (ticks < 0) {
                continue;
            }
            Reading known = lastReading.get(process.pid());
            String group = known != null ? known.group() : group(process, self);
            if (group != null) {
                lastReading.put(process.pid(), new Reading(group, ticks));
                if (!group.equals(POSTGRESQL) && !group.equals(REDIS)) {
                    readCompilerThreads(process.pid(), group);
                }
            }
        }
        samples.add(new Sample(at, perGroup(lastReading), perGroup(lastCompilerReading)));
    }

    private static Map<String, Double> perGroup(Map<Long, Reading> readings) {
        Map<String, Double> perGroup = new TreeMap<>();
        readings.values().forEach(reading ->
                perGroup.merge(reading.group(), reading.ticks() / TICKS_PER_SECOND, Double::sum));
        return perGroup;
    }

    private void readCompilerThreads(long pid, String group) {
        String[] threads = new File("/proc/" + pid + "/task").list();
        if (threads == null) {
            return;
        }
        for (String thread : threads) {
            long tid = Long.parseLong(thread);
            String task = pid + "/task/" + tid;
            // a thread's name is set as it starts, so it is read until the JVM has named it, then remembered
            // (computeIfAbsent keeps no null)
            Boolean compiler = isCompilerThread.computeIfAbsent(tid, id -> compilerThread(read(task, "comm").strip()));
            if (Boolean.TRUE.equals(compiler)) {
                long ticks = ticks(task);
                if (ticks >= 0) {
                    lastCompilerReading.put(tid, new Reading(group, ticks));
                }
            }
        }
    }

    /**
     * Whether a thread is a JIT compiler by HotSpot's names ("C2 CompilerThread0", cut to 15 characters by the
     * kernel); null while it cannot be told: a thread just started still has its process's name ({@code java}),
     * one that has ended has none. The JVM starts compiler threads while it runs, as its compile queue grows.
     */
    static Boolean compilerThread(String comm) {
        if (comm.isEmpty() || comm.equals("java")) {
            return null;
        }
        return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
    }

    private ProcessHandle postmaster() {
        if (postmaster == null || !postmaster.isAlive()) {
            postmaster = ProcessHandle.allProcesses()
                    .filter(process -> read(Long.toString(process.pid()), "comm").strip().equals("postgres"))
                    .filter(process -> read(Long.toString(process.pid()), "cmdline").contains(dataDirectory))
                    .findFirst().orElse(null);
        }
        return postmaster;
    }

    /** The process's group, or null for what is not worth a line (the {@code setsid} wrapper, a shell). */
    private String group(ProcessHandle process, ProcessHandle self) {
        if (process.pid() == self.pid()) {
            return RUNNER;
        }
        String comm = read(Long.toString(process.pid()), "comm").strip();
        if (comm.equals("postgres")) {
            return POSTGRESQL;
        }
        if (comm.startsWith("redis-server")) {
            return REDIS;
        }
        List<String> arguments = List.of(read(Long.toString(process.pid()), "cmdline").split("\0"));
        if (arguments.contains("io.gatling.app.Gatling")) {
            return GATLING;
        }
        int jar = arguments.indexOf("-jar");
        if (jar >= 0 && jar + 1 < arguments.size()) {
            String file = Path.of(arguments.get(jar + 1)).getFileName().toString().replaceFirst("\\.jar$", "");
            if (services.contains(file)) {
                return file;
            }
        }
        return comm.equals("java") ? "other JVM" : null;
    }

    /** utime + stime in ticks of a process ({@code <pid>}) or thread ({@code <pid>/task/<tid>}), -1 when gone. */
    private static long ticks(String process) {
        String stat = read(process, "stat");
        int afterName = stat.lastIndexOf(')');
        if (afterName < 0) {
            return -1;
        }
        // fields after the name start with field 3 (state); utime and stime are fields 14 and 15
        String[] fields = stat.substring(afterName + 2).split(" ");
        if (fields.length < 13) {
            return -1;
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(String process, String file) {
        try {
            return Files.readString(Path.of("/proc", process, file), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * CPU seconds per group spent between the samples nearest inside [from, to], those samples' times, and the
     * part of each group's CPU its JIT compiler threads spent.
     */
    record Spent(Instant from, Instant to, Map<String, Double> cpuSeconds, Map<String, Double> compilerCpuSeconds) {

        double seconds() {
            return Duration.between(from, to).toMillis() / 1000.0;
        }
    }

    /** What each group spent over the window, measured between the first and last sample inside it. */
    static Spent spent(List<Sample> samples, Instant from, Instant to) {
        List<Sample> inside = samples.stream()
                .filter(sample -> !sample.at().isBefore(from) && !sample.at().isAfter(to)).toList();
        if (inside.size() < 2) {
            throw new IllegalArgumentException("fewer than two CPU samples between " + from + " and " + to);
        }
        Sample first = inside.getFirst();
        Sample last = inside.getLast();
        return new Spent(first.at(), last.at(), difference(first.cpuSeconds(), last.cpuSeconds()),
                difference(first.compilerCpuSeconds(), last.compilerCpuSeconds()));
    }

    private static Map<String, Double> difference(Map<String, Double> first, Map<String, Double> last) {
        Map<String, Double> spent = new HashMap<>();
        last.forEach((group, seconds) -> spent.put(group, seconds - first.getOrDefault(group, 0.0)));
        return spent;
    }
}
