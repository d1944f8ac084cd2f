package dev.tiketi.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.UUID;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The seat layout of a 50,000-seat event through the gateway ({@code GET /api/events/{id}/seat-layout}), the
 * static half of the canvas seat map: target p99 ≤ 150 ms (the SPEC's 50,000-seat map figure).
 *
 * <p>Set-up, not measured: one admin login, a hall of 10 sections × 50 rows × 100 seats and an event on sale
 * in it; one gzip read builds the layout (its time and the sizes of both representations are printed). Load:
 * an open model ramping to {@code bench.rate} arrivals/s (default 40) over 10 s, then {@code bench.seconds}
 * (60) at that rate. Each arrival reads the layout once as a browser does: 70 % a first visit (gzip, the whole
 * document), 30 % a revisit revalidating its copy ({@code If-None-Match} → 304, no body).
 */
public class SeatLayoutSimulation extends Simulation {

    static final Duration RAMP = Duration.ofSeconds(10);
    static final String FULL = "GET /api/events/{id}/seat-layout (gzip, 200)";
    static final String REVALIDATE = "GET /api/events/{id}/seat-layout (If-None-Match, 304)";

    public SeatLayoutSimulation() {
        BenchConfig config = BenchConfig.load();
        int rate = Integer.getInteger("bench.rate", 40);
        Duration steady = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));

        TiketiClient admin = TiketiClient.admin(config);
        String runTag = CatalogPayloads.runTag();
        String venueId = admin.create("/api/admin/venues", CatalogPayloads.venue(runTag));
        UUID eventId = admin.eventOnSale(venueId, CatalogPayloads.gridHall("Stadium " + runTag, 10, 50, 100),
                "Bench layout " + runTag);
        String path = "/api/events/" + eventId + "/seat-layout";
        long started = System.nanoTime();
        TiketiClient.Representation gzip = admin.representation(path, "gzip");
        long coldMillis = (System.nanoTime() - started) / 1_000_000;
        TiketiClient.Representation plain = admin.representation(path, "identity");
        System.out.printf("Seat layout of 50,000 seats: first (cold, builds it) %d ms; %d bytes gzipped (%s), "
                + "%d bytes plain%n", coldMillis, gzip.bytes(), gzip.contentEncoding(), plain.bytes());

        ScenarioBuilder readers = scenario("seat layout readers")
                .randomSwitch().on(
                        percent(70.0).then(exec(http(FULL).get(path)
                                .header("Accept-Encoding", "gzip")
                                .check(status().is(200), header("Content-Encoding").is("gzip"),
                                        header("ETag").is(gzip.etag())))),
                        percent(30.0).then(exec(http(REVALIDATE).get(path)
                                .header("Accept-Encoding", "gzip")
                                .header("If-None-Match", gzip.etag())
                                .check(status().is(304)))));

        setUp(readers.injectOpen(
                rampUsersPerSec(1).to(rate).during(RAMP),
                constantUsersPerSec(rate).during(steady)))
                .protocols(config.httpProtocol())
                .maxDuration(RAMP.plus(steady).plusSeconds(30))
                .assertions(
                        details(FULL).responseTime().percentile(99.0).lte(150),
                        global().failedRequests().count().is(0L));
    }
}
