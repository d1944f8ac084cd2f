package dev.tiketi.bench;

import io.gatling.javaapi.core.Simulation;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runner's command line: {@code SIMULATION [--against URL] [--root DIR]}.
 *
 * @param simulationClass the simulation's class; a simple name is taken from {@code dev.tiketi.bench}
 * @param against         a running platform's gateway to load instead of a throw-away one; loopback only
 * @param rootDirectory   the repository checkout (service jars, {@code benchmarks/target})
 */
record RunnerArguments(String simulationClass, Optional<URI> against, Path rootDirectory) {

    static final String USAGE = """
            Usage: tiketi bench SIMULATION [--against URL] [-Dbench.NAME=VALUE …]
              SIMULATION      a class in benchmarks/src/main/java/dev/tiketi/bench, e.g. CatalogReadSimulation
              --against URL   load an already running platform (loopback only) instead of starting a
                              throw-away one on free ports
              -Dbench.…       settings passed to the simulation, see docs/benchmarks.md
            """;

    static RunnerArguments parse(String[] arguments, Path workingDirectory) {
        String simulation = null;
        URI against = null;
        Path root = workingDirectory;
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            switch (argument) {
                case "--against" -> against = loopbackUrl(value(arguments, ++i, argument));
                case "--root" -> root = Path.of(value(arguments, ++i, argument));
                default -> {
                    if (argument.startsWith("-") || simulation != null) {
                        throw new IllegalArgumentException("unexpected argument: " + argument);
                    }
                    simulation = argument.contains(".") ? argument : "dev.tiketi.bench." + argument;
                }
            }
        }
        if (simulation == null) {
            throw new IllegalArgumentException("which simulation?");
        }
        requireSimulation(simulation);
        return new RunnerArguments(simulation, Optional.ofNullable(against), root.toAbsolutePath().normalize());
    }

    String simulationSimpleName() {
        return simulationClass.substring(simulationClass.lastIndexOf('.') + 1);
    }

    /** Checked before anything is started: a typo must not cost a platform start-up. */
    private static void requireSimulation(String className) {
        try {
            Class<?> type = Class.forName(className, false, RunnerArguments.class.getClassLoader());
            if (!Simulation.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " is not a Gatling simulation");
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no simulation " + className
                    + " (the simulations are in benchmarks/src/main/java/dev/tiketi/bench)", e);
        }
    }

    private static String value(String[] arguments, int index, String option) {
        if (index >= arguments.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments[index];
    }

    /** Benchmarks generate real load: they must not be pointed at anything but this machine by a typo. */
    private static URI loopbackUrl(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("--against needs an http(s) URL, e.g. http://localhost:8080");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("--against " + url + ": " + address.getHostAddress()
                            + " is not this machine; benchmarks run on loopback only");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--against " + url + ": unknown host", e);
        }
        return uri;
    }
}
