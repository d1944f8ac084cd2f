package dev.tiketi.bench;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URI;
import java.util.Optional;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Where a simulation sends its load and as whom. Each setting is read from a system property (what the runner
 * passes to the Gatling JVM), else from the environment, else defaults to a local {@code ./tiketi start}.
 *
 * @param baseUrl       the gateway; {@code bench.baseUrl} / {@code BENCH_BASE_URL}, default http://localhost:8080
 * @param adminToken    an access token with the ADMIN role; {@code bench.adminToken} / {@code BENCH_ADMIN_TOKEN}.
 *                      When absent the simulation logs in once with the e-mail and password below.
 * @param adminEmail    {@code bench.adminEmail} / {@code BENCH_ADMIN_EMAIL}, default the demo admin
 * @param adminPassword {@code bench.adminPassword} / {@code BENCH_ADMIN_PASSWORD}, default the demo admin's
 *                      local-development password
 */
public record BenchConfig(URI baseUrl, Optional<String> adminToken, String adminEmail, String adminPassword) {

    public static BenchConfig load() {
        String baseUrl = setting("bench.baseUrl", "BENCH_BASE_URL").orElse("http://localhost:8080");
        return new BenchConfig(
                URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl),
                setting("bench.adminToken", "BENCH_ADMIN_TOKEN"),
                setting("bench.adminEmail", "BENCH_ADMIN_EMAIL").orElse("admin@tiketi.local"),
                setting("bench.adminPassword", "BENCH_ADMIN_PASSWORD").orElse("tiketi-dev-1234"));
    }

    /**
     * The HTTP protocol every simulation uses. Virtual users share one keep-alive pool: at thousands of
     * one-request users per second a connection each would exhaust the loopback's ephemeral ports and measure
     * TCP set-up rather than the platform. Warm-up is off because it fetches an internet URL by default.
     */
    public HttpProtocolBuilder httpProtocol() {
        return http.baseUrl(baseUrl.toString())
                .acceptHeader("application/json")
                .userAgentHeader("tiketi-bench")
                .shareConnections()
                .disableWarmUp();
    }

    private static Optional<String> setting(String property, String variable) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(variable)))
                .filter(value -> !value.isBlank());
    }
}
