package dev.tiketi.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The measured phase of a simulation, as wall-clock times the runner can lay over its CPU samples of every platform
 * process ({@link ProcessCpuSampler}). A marker user starts together with the phase's arrivals (the same
 * {@code andThen} step), notes the time, waits as long as the phase lasts and notes the time again; the window is
 * written to {@code <bench.windowDir>/<name>.properties} with the operations it served. Without
 * {@code bench.windowDir} (a simulation run some other way) nothing is written.
 *
 * @param name       what one operation is, e.g. {@code queue status}; also the marker scenario's name
 * @param arrivals   operations per second the phase starts: with an open model and no KO, the phase's operations
 *                   are {@code arrivals × seconds}, unless {@link #operations(long)} counts them exactly
 */
final class SteadyWindow {

    static final String DIRECTORY_PROPERTY = "bench.windowDir";
    /** A request name that is the one {@link #nameRequests} stored. */
    static final String REQUEST_NAME = "#{requestName}";

    private static final String REQUEST_NAME_ATTRIBUTE = "requestName";

    private final String name;
    private final double arrivals;
    private final Duration length;
    private final Path file;
    private volatile Instant start;
    private volatile Instant end;
    private volatile long operations = -1;

    SteadyWindow(String name, double arrivals, Duration length) {
        this.name = name;
        this.arrivals = arrivals;
        this.length = length;
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        this.file = directory == null ? null
                : Path.of(directory).resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".properties");
    }

    /**
     * The marker: add it to the {@code andThen} step whose arrivals it measures, for a window that starts
     * {@code after} into that step (after its ramp).
     */
    PopulationBuilder marker(Duration after) {
        return scenario("steady window: " + name)
                .exec(session -> {
                    start = Instant.now();
                    write();
                    return session;
                })
                .pause(length)
                .exec(session -> {
                    end = Instant.now();
                    write();
                    return session;
                })
                .injectOpen(nothingFor(after), atOnceUsers(1));
    }

    /**
     * Names the user's requests by the part of the phase it arrived in: stores {@code inWindow} in the session once
     * the window has begun, {@code before} until then; a request named {@link #REQUEST_NAME} takes it.
     */
    ChainBuilder nameRequests(String inWindow, String before) {
        return exec(session -> session.set(REQUEST_NAME_ATTRIBUTE, start != null ? inWindow : before));
    }

    /** The window's start and end, once the marker has passed both. */
    boolean complete() {
        return start != null && end != null;
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    /** Replaces {@code arrivals × seconds} by an exact count, e.g. successful holds read from the database. */
    void operations(long count) {
        operations = count;
        write();
    }

    private synchronized void write() {
        if (file == null) {
            return;
        }
        Properties window = new Properties();
        window.setProperty("name", name);
        window.setProperty("arrivalsPerSecond", Double.toString(arrivals));
        if (start != null) {
            window.setProperty("start", Long.toString(start.toEpochMilli()));
        }
        if (end != null) {
            window.setProperty("end", Long.toString(end.toEpochMilli()));
        }
        if (operations >= 0) {
            window.setProperty("operations", Long.toString(operations));
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                window.store(out, "steady window of a benchmark phase");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
