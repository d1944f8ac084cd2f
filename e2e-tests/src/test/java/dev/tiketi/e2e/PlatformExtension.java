package dev.tiketi.e2e;

import dev.tiketi.platform.InternalSecret;
import dev.tiketi.platform.Platform;
import dev.tiketi.platform.PlatformOptions;
import dev.tiketi.platform.PortPlan;
import dev.tiketi.platform.RunningPlatform;
import dev.tiketi.platform.SigningKey;
import dev.tiketi.topology.Topology;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Boots the whole platform once per test JVM, through the same launcher as {@code ./tiketi start}, on free
 * ports and a throw-away data directory, and stops it when the JVM's tests are done. The JWT signing key is
 * written into the data directory before the start, the way an operator mounts it, so that tests can sign
 * tokens with the real key (expired or tampered ones) as well as with foreign keys.
 *
 * <p>The platform has 240 s to become ready; {@code -Dtiketi.e2e.start-timeout=<seconds>} gives it longer on a
 * machine busy with other builds, where six JVMs starting at once take that long.
 */
public class PlatformExtension implements ParameterResolver {

    /**
     * Shorter than production so that the saga's time-driven paths (a hold running out, a refund) happen within
     * a test: holds last 30 s; the PG is given 2 s. Reconciliation keeps its production timing (a payment PENDING
     * for 15 s is asked about, every 5 s), so that the SPEC's 30 s convergence is tested as it runs in production.
     * Every test client comes from 127.0.0.1, so the per-address limit on login and registration is lifted (the
     * gateway's own tests cover it).
     */
    static final List<String> SAGA_TIMINGS = List.of(
            "-Dtiketi.reservation.hold-ttl=30s",
            "-Dtiketi.payment.pg-timeout=2s",
            "-Dtiketi.payment.reconcile.backoff=1s",
            "-Dtiketi.payment.refund.interval=1s",
            "-Dtiketi.gateway.rate-limits.login.limit=100000");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PlatformUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(PlatformUnderTest.class, key -> start(), PlatformUnderTest.class);
    }

    private static PlatformUnderTest start() {
        try {
            Path root = Path.of(System.getProperty("tiketi.root", "..")).toAbsolutePath().normalize();
            Path data = Files.createTempDirectory("tiketi-e2e-");
            PlatformOptions options = PlatformOptions.defaults(root)
                    .withDataDirectory(data)
                    .withPorts(PortPlan.freePorts(Topology.load()))
                    .withStartTimeout(Duration.ofSeconds(Long.getLong("tiketi.e2e.start-timeout", 240)))
                    .withAddedServiceJvmOptions(SAGA_TIMINGS)
                    .withProgress(line -> System.out.println("[platform] " + line));
            SigningKey key = SigningKey.generateFor(options);
            String internalSecret = InternalSecret.forDataDirectory(options);
            RunningPlatform platform = Platform.start(options);
            return new PlatformUnderTest(platform, key, internalSecret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
