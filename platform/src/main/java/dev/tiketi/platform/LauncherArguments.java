package dev.tiketi.platform;

import dev.tiketi.topology.Topology;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The launcher's command line.
 *
 * @param rootDirectory the repository checkout ({@code --root}, default: the working directory)
 * @param dataDirectory {@code --data-dir}, else {@code TIKETI_DATA_DIR}, else {@code <root>/.data}
 * @param reset         {@code --reset}: wipe the data directory before starting
 * @param services      {@code --services a,b}: start only these (default: all)
 * @param help          {@code --help}
 */
record LauncherArguments(Path rootDirectory, Path dataDirectory, boolean reset, List<String> services, boolean help) {

    static final String USAGE = """
            Usage: tiketi start [--reset] [--data-dir DIR] [--services NAME,NAME]
              --reset          delete the data directory (database, Redis, Kafka, JWT key, logs) first
              --data-dir DIR   where data is kept between runs (default: .data in the repository,
                               or the TIKETI_DATA_DIR environment variable)
              --services LIST  start only these services (default: all)
              --root DIR       the repository checkout (default: the working directory)
            """;

    static LauncherArguments parse(String[] arguments, Map<String, String> environment, Path workingDirectory) {
        Path root = workingDirectory;
        Path data = null;
        boolean reset = false;
        boolean help = false;
        List<String> services = Topology.SERVICES;
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            switch (name) {
                case "--reset" -> reset = true;
                case "--help", "-h" -> help = true;
                case "--data-dir" -> {
                    data = Path.of(value(arguments, i, argument));
                    i += argument.contains("=") ? 0 : 1;
                }
                case "--root" -> {
                    root = Path.of(value(arguments, i, argument));
                    i += argument.contains("=") ? 0 : 1;
                }
                case "--services" -> {
                    services = Arrays.stream(value(arguments, i, argument).split(","))
                            .map(String::strip).filter(service -> !service.isEmpty()).toList();
                    i += argument.contains("=") ? 0 : 1;
                }
                default -> throw new IllegalArgumentException("unknown option " + argument + System.lineSeparator() + USAGE);
            }
        }
        if (data == null) {
            data = DataDirectory.byDefault(root, environment);
        }
        return new LauncherArguments(root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(), reset,
                services, help);
    }

    private static String value(String[] arguments, int index, String argument) {
        if (argument.contains("=")) {
            return argument.substring(argument.indexOf('=') + 1);
        }
        if (index + 1 >= arguments.length) {
            throw new IllegalArgumentException(argument + " needs a value" + System.lineSeparator() + USAGE);
        }
        return arguments[index + 1];
    }
}
