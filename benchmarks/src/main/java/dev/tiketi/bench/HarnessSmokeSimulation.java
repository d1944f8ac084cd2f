package dev.tiketi.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Proves the harness on endpoints that exist today: one admin login for the whole run, then a public read
 * (the JWKS) and a signed-in read (the admin's profile, which goes through the gateway's token check), each at
 * {@code bench.rate} arrivals per second (default 25) after a 10 s ramp, for 30 s. Measures the gateway path,
 * not a SPEC target; the default rate is low because its purpose is to show that the harness works.
 */
public class HarnessSmokeSimulation extends Simulation {

    private static final Duration RAMP = Duration.ofSeconds(10);
    private static final Duration STEADY = Duration.ofSeconds(30);

    public HarnessSmokeSimulation() {
        BenchConfig config = BenchConfig.load();
        int rate = Integer.getInteger("bench.rate", 25);
        String bearer = "Bearer " + TiketiClient.admin(config).accessToken();

        ScenarioBuilder jwks = scenario("public JWKS")
                .exec(http("GET /api/auth/jwks").get("/api/auth/jwks").check(status().is(200)));
        ScenarioBuilder profile = scenario("signed-in profile")
                .exec(http("GET /api/users/me").get("/api/users/me")
                        .header("Authorization", bearer)
                        .check(status().is(200)));

        setUp(
                jwks.injectOpen(rampUsersPerSec(1).to(rate).during(RAMP),
                        constantUsersPerSec(rate).during(STEADY)),
                profile.injectOpen(rampUsersPerSec(1).to(rate).during(RAMP),
                        constantUsersPerSec(rate).during(STEADY)))
                .protocols(config.httpProtocol())
                .maxDuration(RAMP.plus(STEADY).plusSeconds(30))
                .assertions(global().failedRequests().count().is(0L));
    }
}
