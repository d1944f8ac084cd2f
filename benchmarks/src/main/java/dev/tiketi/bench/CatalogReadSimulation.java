package dev.tiketi.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * SPEC section 4, catalog: cached event list and detail reads through the gateway, p99 ≤ 20 ms at
 * ≥ 3,000 requests/s. The seat summary, read on every event page, rides along at the same rate.
 *
 * <p>Set-up, not measured: one admin login, a venue with a 1,000-seat hall and {@value #EVENTS} events on
 * sale. A warm-up, not measured: {@code bench.warmUpUsers} (default 16) visitors read in a loop for
 * {@code bench.warmUpSeconds} (default 60), a closed model, so that the JVMs have compiled the read path (without
 * it the ramp met interpreted code, the gateway shed load and the run measured the JIT; a cold platform's first
 * minutes are SagaSimulation's subject). Then an open model (arrivals do not wait for answers, like real visitors) ramping to
 * {@code bench.rate} requests/s (default 3,000) over 20 s, then holding it for {@code bench.seconds}
 * (default 60). Each arrival makes one read: 40 % list, 30 % detail, 30 % summary. The gateway limits public
 * reads to 300 per minute and IP, which one load generator exceeds at once: the runner raises that limit for
 * its throw-away platform; against any other platform the 429s show up as failed requests.
 */
public class CatalogReadSimulation extends Simulation {

    static final int EVENTS = 5;
    static final Duration RAMP = Duration.ofSeconds(20);

    public CatalogReadSimulation() {
        BenchConfig config = BenchConfig.load();
        int rate = Integer.getInteger("bench.rate", 3_000);
        Duration steady = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
        int warmUpUsers = Integer.getInteger("bench.warmUpUsers", 16);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 60));

        TiketiClient admin = TiketiClient.admin(config);
        String runTag = CatalogPayloads.runTag();
        String venueId = admin.create("/api/admin/venues", CatalogPayloads.venue(runTag));
        String hallId = admin.create("/api/admin/venues/" + venueId + "/halls",
                CatalogPayloads.gridHall("Small Hall " + runTag, 2, 10, 50));
        List<Map<String, Object>> events = IntStream.rangeClosed(1, EVENTS)
                .mapToObj(n -> Map.<String, Object>of("eventId", admin.create("/api/admin/events",
                        CatalogPayloads.concertOnSale("Bench read " + runTag + " #" + n, hallId, Instant.now()))))
                .toList();

        ScenarioBuilder reads = scenario("cached catalog reads")
                .feed(listFeeder(events).random())
                .exec(read(""));
        PopulationBuilder measured = reads.injectOpen(
                rampUsersPerSec(10).to(rate).during(RAMP),
                constantUsersPerSec(rate).during(steady));
        // the measured phase starts when the warm-up has finished (andThen), its steady-window marker with it
        PopulationBuilder warmUpPhase = scenario("warm-up")
                .during(warmUp).on(feed(listFeeder(events).random()).exec(read("warm-up ")))
                .injectOpen(atOnceUsers(warmUpUsers))
                .andThen(measured, new SteadyWindow("catalog read", rate, steady).marker(RAMP));

        setUp(warmUpPhase)
                .protocols(config.httpProtocol())
                // arrivals stop by themselves; this only cuts off answers that never come
                .maxDuration(warmUp.plus(RAMP).plus(steady).plusSeconds(30))
                .assertions(
                        details("GET /api/events (page of 20)").responseTime().percentile(99.0).lte(20),
                        details("GET /api/events/{id}").responseTime().percentile(99.0).lte(20),
                        global().failedRequests().count().is(0L));
    }

    /** One visitor's read: 40 % list, 30 % detail, 30 % seat summary. */
    private static ChainBuilder read(String prefix) {
        return randomSwitch().on(
                percent(40.0).then(exec(http(prefix + "GET /api/events (page of 20)").get("/api/events")
                        .queryParam("page", 0).queryParam("size", 20)
                        .check(status().is(200)))),
                percent(30.0).then(exec(http(prefix + "GET /api/events/{id}").get("/api/events/#{eventId}")
                        .check(status().is(200)))),
                percent(30.0).then(exec(http(prefix + "GET /api/events/{id}/seats/summary")
                        .get("/api/events/#{eventId}/seats/summary")
                        .check(status().is(200)))));
    }
}
