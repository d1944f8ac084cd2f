package dev.tiketi.platform;

import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** {@code ./tiketi start}: the whole platform on this machine until Ctrl-C. */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    public static void main(String[] args) {
        LauncherArguments arguments;
        try {
            arguments = LauncherArguments.parse(args, System.getenv(), Path.of(""));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.print(LauncherArguments.USAGE);
            return;
        }
        // The in-process Kafka logs a lot: the console is kept for progress lines and the rest goes to
        // <data>/logs/platform.log. Must be set before the first logger is created.
        System.setProperty("tiketi.log-dir", arguments.dataDirectory().resolve("logs").toString());
        System.setProperty("logback.configurationFile", "tiketi-platform-logback.xml");

        if (arguments.reset()) {
            try {
                DataDirectory.reset(arguments.dataDirectory());
                System.out.println("data reset: deleted " + arguments.dataDirectory());
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }

        PlatformOptions options = PlatformOptions.defaults(arguments.rootDirectory())
                .withDataDirectory(arguments.dataDirectory())
                .withServices(arguments.services())
                .withProgress(line -> System.out.println("  " + line));
        Platform platform = new Platform(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping TIKETI…");
            platform.stop();
        }, "tiketi-stop"));

        System.out.println("starting TIKETI (data: " + options.dataDirectory() + ", logs: "
                + options.dataDirectory().resolve("logs") + ")");
        RunningPlatform running;
        try {
            running = platform.start();
        } catch (PlatformStartException e) {
            System.err.println();
            System.err.println(e.getMessage());
            if (e.getCause() != null) {
                LoggerFactory.getLogger(PlatformLauncher.class).error("start-up failed", e.getCause());
            }
            System.exit(1);
            return;
        }
        printWelcome(running);
        running.awaitStopped();
    }

    private static void printWelcome(RunningPlatform running) {
        System.out.println();
        if (running.services().contains("gateway")) {
            System.out.println("TIKETI is running at " + running.gatewayUrl() + "  (Ctrl-C to stop)");
        } else {
            System.out.println("TIKETI services are running (no gateway): " + running.services().stream()
                    .map(service -> service + " " + running.serviceUrl(service)).toList() + "  (Ctrl-C to stop)");
        }
        if (running.services().contains("user-service")) {
            // local-development defaults of user-service (tiketi.admin.* and its demo profile); see docs/configuration.md
            System.out.println("demo accounts: admin@tiketi.local / tiketi-dev-1234 (admin),"
                    + " buyer@tiketi.local / tiketi-demo-1234");
        }
        System.out.println("data: " + running.dataDirectory() + "  (wipe it with ./tiketi reset)");
    }
}
