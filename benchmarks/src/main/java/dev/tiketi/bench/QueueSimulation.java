package dev.tiketi.bench;

import dev.tiketi.platform.SigningKey;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * SPEC section 4, waiting room, through the gateway: queue status ≥ 4,000 requests/s with p99 ≤ 30 ms, queue
 * enter ≥ 2,000 requests/s with p99 ≤ 50 ms, and with 1,000,000 people waiting in one event both p99s within
 * 1.5× of the figure with 1,000 waiting. One run measures one waiting count ({@code bench.waiting}, default
 * 1,000); the comparison is a second run with {@code -Dbench.waiting=1000000}, everything else equal.
 *
 * <p>Set-up, not measured: one admin login; a venue, a 1,000-seat hall and an event on sale; the event's
 * admission paused, so nobody leaves the queue; the waiting room filled directly in Redis with
 * {@code bench.waiting} people ({@link WaitingRoomFill}); access tokens signed with the platform's key
 * ({@link SyntheticUsers}) for {@code bench.pollers} of them (default 1,000, spread over the whole queue), for
 * {@value #WARM_UP_ENTERING} who enter during the warm-up and for every user that will enter afterwards.
 *
 * <p>Load, in phases one after the other. A warm-up, not measured: {@code bench.warmUpUsers} (default 16)
 * virtual users each polling status and entering in a loop for {@code bench.warmUpSeconds} (default 120: on the
 * 2-core box a fresh platform's throughput still rose after 60 s of this, and status polls measured after a 60 s
 * warm-up queued up at a rate that enters, measured later, handled easily), a closed model, so that the service
 * JVMs compile their hot code without being pushed past what they manage cold (an open model did that:
 * seconds-long answers, the gateway's circuit breaker opened, and the measured phases that followed saw its 503s).
 * Then, an open model: a {@value #RAMP_SECONDS} s ramp to {@code bench.statusRate} (default 4,000) status
 * polls/s, that rate for {@code bench.seconds} (default 30), each poll by a poller in turn;
 * then the same for enters at {@code bench.enterRate} (default 2,000), each a new user. Status goes first so that
 * it sees exactly {@code bench.waiting} people; the enters then add to the queue (about 70,000 with the defaults).
 * With {@code -Dbench.poll=progress} the measured polls are of the event's public progress figure instead, asked
 * without a token as the web app asks it between looks at the buyer's own place (the warm-up still polls status).
 *
 * <p>Throughput: arrivals keep coming at the set rate whatever the answers do, so a platform that cannot keep
 * up queues them, which shows as latency growing without bound and, past the gateway's 5 s timeout, as failed
 * requests. The p99 and no-KO assertions at the set rate therefore also assert the throughput. (Gatling's own
 * requests/s assertion is a mean over the whole run, warm-up and ramps included, and would say nothing.)
 */
public class QueueSimulation extends Simulation {

    static final int RAMP_SECONDS = 10;
    static final Duration RAMP = Duration.ofSeconds(RAMP_SECONDS);
    /** Users the warm-up enters over and over: entering again keeps one's place, the code path is the same. */
    static final int WARM_UP_ENTERING = 1_000;

    private final WaitingRoomFill waitingRoom;
    private final UUID eventId;

    public QueueSimulation() {
        BenchConfig config = BenchConfig.load();
        int waiting = Integer.getInteger("bench.waiting", 1_000);
        int pollers = Integer.getInteger("bench.pollers", Math.min(waiting, 1_000));
        int statusRate = Integer.getInteger("bench.statusRate", 4_000);
        int enterRate = Integer.getInteger("bench.enterRate", 2_000);
        int warmUpUsers = Integer.getInteger("bench.warmUpUsers", 16);
        boolean progress = "progress".equals(System.getProperty("bench.poll", "status"));
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 120));
        Duration steady = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
        SigningKey signingKey = config.requireSigningKey();

        TiketiClient admin = TiketiClient.admin(config);
        String runTag = CatalogPayloads.runTag();
        String venueId = admin.create("/api/admin/venues", CatalogPayloads.venue(runTag));
        eventId = admin.eventOnSale(venueId, CatalogPayloads.gridHall("Queue Hall " + runTag, 2, 10, 50),
                "Bench queue " + runTag);
        admin.post("/api/admin/queue/" + eventId + "/pause", Map.of());

        waitingRoom = new WaitingRoomFill(config.redisHost(), config.redisPort());
        List<Map<String, Object>> polling = SyntheticUsers.signed(signingKey,
                waitingRoom.fill(eventId, waiting, pollers));
        int rampEnters = OpenInjection.arrivals(enterRate / 10.0, enterRate, RAMP);
        int steadyEnters = OpenInjection.arrivals(enterRate, enterRate, steady);
        List<Map<String, Object>> entering = SyntheticUsers.signed(signingKey,
                SyntheticUsers.fresh(WARM_UP_ENTERING + rampEnters + steadyEnters));
        waitingRoom.awaitPersistence();

        String label = String.format(Locale.ROOT, " (%,d waiting)", waiting);
        String status = (progress ? "GET /api/queue/{id}/progress" : "GET /api/queue/{id}/status") + label;
        String enter = "POST /api/queue/{id}/enter" + label;
        FeederBuilder<Object> pollerFeeder = listFeeder(polling).circular();

        // Each measured phase's ramp and steady arrivals are one injection profile, its window's marker starting
        // RAMP into it: as two phases (andThen), the steady one waited for the ramp's last request, a gap in the
        // arrivals at the start of the window. A request is named by the part of the phase it arrived in. The
        // status phase, then the enter phase: each starts when the one before has finished, so they are built from
        // the last one back.
        SteadyWindow enterWindow = new SteadyWindow("queue enter", enterRate, steady);
        PopulationBuilder enterPhase = scenario("enter")
                .feed(listFeeder(entering.subList(WARM_UP_ENTERING, entering.size())).queue())
                .exec(enterWindow.nameRequests(enter, "enter ramp"))
                .exec(enterQueue(SteadyWindow.REQUEST_NAME))
                .injectOpen(rampUsersPerSec(enterRate / 10.0).to(enterRate).during(RAMP),
                        constantUsersPerSec(enterRate).during(steady));
        SteadyWindow statusWindow = new SteadyWindow("queue status", statusRate, steady);
        PopulationBuilder statusPhase = scenario("status").feed(pollerFeeder)
                .exec(statusWindow.nameRequests(status, "status ramp"))
                .exec(progress ? pollProgress(SteadyWindow.REQUEST_NAME) : pollStatus(SteadyWindow.REQUEST_NAME))
                .injectOpen(rampUsersPerSec(statusRate / 10.0).to(statusRate).during(RAMP),
                        constantUsersPerSec(statusRate).during(steady))
                .andThen(enterPhase, enterWindow.marker(RAMP));
        FeederBuilder<Object> warmUpEnterFeeder = listFeeder(entering.subList(0, WARM_UP_ENTERING)).circular();
        PopulationBuilder warmUpPhase = scenario("warm-up")
                .during(warmUp).on(feed(pollerFeeder).exec(pollStatus("warm-up status"))
                        .feed(warmUpEnterFeeder).exec(enterQueue("warm-up enter")))
                .injectOpen(atOnceUsers(warmUpUsers))
                .andThen(statusPhase, statusWindow.marker(RAMP));

        setUp(warmUpPhase)
                .protocols(config.httpProtocol())
                // arrivals stop by themselves; this only cuts off answers that never come
                .maxDuration(warmUp.plus(RAMP.plus(steady).multipliedBy(2)).plusSeconds(60))
                // Gatling's percentiles count failed requests too, and a refused connection fails in no time: the
                // success assertions keep a p99 of instant failures from passing for a met target
                .assertions(
                        details(status).responseTime().percentile(99.0).lte(30),
                        details(status).successfulRequests().percent().is(100.0),
                        details(enter).responseTime().percentile(99.0).lte(50),
                        details(enter).successfulRequests().percent().is(100.0),
                        global().failedRequests().count().is(0L));
    }

    /** The benchmark's people leave the platform again, a million mappings in Redis included. */
    @Override
    public void after() {
        waitingRoom.clear(eventId);
        waitingRoom.close();
    }

    private ChainBuilder pollStatus(String name) {
        return exec(http(name).get("/api/queue/" + eventId + "/status")
                .header("Authorization", "Bearer #{" + SyntheticUsers.TOKEN + "}")
                .check(status().is(200)));
    }

    private ChainBuilder pollProgress(String name) {
        return exec(http(name).get("/api/queue/" + eventId + "/progress").check(status().is(200)));
    }

    private ChainBuilder enterQueue(String name) {
        return exec(http(name).post("/api/queue/" + eventId + "/enter")
                .header("Authorization", "Bearer #{" + SyntheticUsers.TOKEN + "}")
                .check(status().is(200)));
    }
}
