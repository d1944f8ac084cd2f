package dev.tiketi.bench;

import dev.tiketi.infra.ServiceDatabase;
import dev.tiketi.platform.PortPlan;
import dev.tiketi.platform.SigningKey;
import dev.tiketi.topology.Topology;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Where a simulation sends its load and as whom. Each setting is read from a system property (what the runner
 * passes to the Gatling JVM), else from the environment, else defaults to a local {@code ./tiketi start}.
 *
 * @param baseUrl       the gateway; {@code bench.baseUrl} / {@code BENCH_BASE_URL}, default http://localhost:8080
 * @param loadUrl       where the measured requests go: the gateway unless {@code bench.loadUrl} names one service
 *                      (the runner sets it for {@code -Dbench.direct=SERVICE}, to measure what the gateway costs);
 *                      set-up and log-in always go through the gateway
 * @param adminToken    an access token with the ADMIN role; {@code bench.adminToken} / {@code BENCH_ADMIN_TOKEN}.
 *                      When absent the simulation logs in once with the e-mail and password below.
 * @param adminEmail    {@code bench.adminEmail} / {@code BENCH_ADMIN_EMAIL}, default the demo admin
 * @param adminPassword {@code bench.adminPassword} / {@code BENCH_ADMIN_PASSWORD}, default the demo admin's
 *                      local-development password
 * @param signingKey    the platform's JWT signing key (PEM), for simulations that sign tokens for synthetic users;
 *                      {@code bench.signingKey} / {@code BENCH_SIGNING_KEY} (the runner sets it)
 * @param redisHost     the platform's Redis, for simulations that set up state directly; {@code bench.redisHost} /
 *                      {@code BENCH_REDIS_HOST}, default localhost
 * @param redisPort     {@code bench.redisPort} / {@code BENCH_REDIS_PORT}, default the topology's Redis port
 * @param databaseUrl   the platform's database, for simulations that audit what the load left behind;
 *                      {@code bench.databaseUrl} / {@code BENCH_DATABASE_URL}, default the topology's PostgreSQL
 *                      on localhost; each service's tables are read with that service's own role
 */
public record BenchConfig(URI baseUrl, URI loadUrl, Optional<String> adminToken, String adminEmail, String adminPassword,
                          Optional<Path> signingKey, String redisHost, int redisPort, String databaseUrl) {

    public static BenchConfig load() {
        String baseUrl = setting("bench.baseUrl", "BENCH_BASE_URL").orElse("http://localhost:8080");
        String loadUrl = setting("bench.loadUrl", "BENCH_LOAD_URL").orElse(baseUrl);
        return new BenchConfig(withoutTrailingSlash(baseUrl), withoutTrailingSlash(loadUrl),
                setting("bench.adminToken", "BENCH_ADMIN_TOKEN"),
                setting("bench.adminEmail", "BENCH_ADMIN_EMAIL").orElse("admin@tiketi.local"),
                setting("bench.adminPassword", "BENCH_ADMIN_PASSWORD").orElse("tiketi-dev-1234"),
                setting("bench.signingKey", "BENCH_SIGNING_KEY").map(Path::of),
                setting("bench.redisHost", "BENCH_REDIS_HOST").orElse("localhost"),
                setting("bench.redisPort", "BENCH_REDIS_PORT").map(Integer::parseInt)
                        .orElseGet(() -> Topology.load().port(PortPlan.REDIS)),
                setting("bench.databaseUrl", "BENCH_DATABASE_URL").orElseGet(() -> "jdbc:postgresql://localhost:"
                        + Topology.load().port(PortPlan.POSTGRES) + "/" + ServiceDatabase.DATABASE_NAME));
    }

    /** A connection to the platform's database as one service's own role, which sees only that service's schema. */
    Connection connectAs(String role) throws SQLException {
        ServiceDatabase database = ServiceDatabase.forRole(role);
        return DriverManager.getConnection(databaseUrl, database.role(), database.localPassword());
    }

    /** The key that signs the platform's access tokens: whoever holds it can be any user. */
    public SigningKey requireSigningKey() {
        Path file = signingKey.orElseThrow(() -> new IllegalStateException("this simulation signs tokens for"
                + " synthetic users and needs the platform's signing key: -Dbench.signingKey=<data dir>/keys/"
                + "jwt-signing.pem (./tiketi bench passes it for its own platform and for --against finds"
                + " $TIKETI_DATA_DIR or .data)"));
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("cannot read the signing key " + file);
        }
        return SigningKey.read(file);
    }

    /**
     * The HTTP protocol every simulation uses. Virtual users share one keep-alive pool: at thousands of
     * one-request users per second a connection each would exhaust the loopback's ephemeral ports and measure
     * TCP set-up rather than the platform. Warm-up is off because it fetches an internet URL by default.
     */
    public HttpProtocolBuilder httpProtocol() {
        return http.baseUrl(loadUrl.toString())
                .acceptHeader("application/json")
                .userAgentHeader("tiketi-bench")
                .shareConnections()
                .disableWarmUp();
    }

    private static URI withoutTrailingSlash(String url) {
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private static Optional<String> setting(String property, String variable) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(variable)))
                .filter(value -> !value.isBlank());
    }
}
