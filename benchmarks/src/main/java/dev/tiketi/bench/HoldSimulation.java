package dev.tiketi.bench;

import dev.tiketi.platform.SigningKey;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * SPEC section 4, seat hold, through the gateway: ≥ 800 successful holds/s with p99 ≤ 100 ms on a 50,000-seat event
 * under contention, and no seat double-held or double-sold, which {@link HoldAudit} checks against the database and
 * Redis after the run.
 *
 * <p>Set-up, not measured: one admin login; a 50,000-seat hall (20 blocks × 50 rows × 50) and an event on sale in
 * it, and a 1,000-seat one for the warm-up; both events admitting as fast as the policy allows; buyers with access
 * tokens signed with the platform's key ({@link SyntheticUsers}), each through the waiting room to its admission
 * token ({@link WaitingRoomAdmission}).
 *
 * <p>Load. A warm-up, not measured: {@code bench.warmUpUsers} (default 16) buyers hold and release seats of the warm-up
 * event in a loop for {@code bench.warmUpSeconds} (default 180), a closed model, so that the JVMs compile the hold path
 * before it is measured (after 60 s the compilers were still a seventh of the measured window's CPU on a two-core box:
 * docs/benchmarks.md, ninth round). Then an open model: new buyers arrive, ramping over {@value #RAMP_SECONDS} s to
 * {@code bench.holdRate} per second (default 800), then at that rate for {@code bench.seconds} (default 20). Each buyer
 * picks 1–4 adjacent seats ({@link SeatPicker}): 70 % first reach for the best {@code bench.hotSeats} seats (default
 * 5,000); whoever finds a seat taken (409 {@code seats-unavailable}) picks again anywhere in the hall, up to
 * {@value #MAX_ATTEMPTS} holds in all. A buyer with a hold stops there (one hold per buyer and event): that is roughly 2 seats
 * per successful hold, about 40,000 seats with the defaults.
 *
 * <p>A 201 and a 409 for a taken seat are both right answers (so is a 409 {@code hold-exists} after an attempt the
 * gateway timed out went through after all), so Gatling counts them all as successful requests; the successful
 * holds per second come from the reservations' creation times ({@link HoldAudit}). Arrivals keep coming at the set
 * rate whatever the answers do, so a platform that cannot keep up shows it as p99 growing without bound.
 */
public class HoldSimulation extends Simulation {

    static final int RAMP_SECONDS = 10;
    static final Duration RAMP = Duration.ofSeconds(RAMP_SECONDS);
    static final int MAX_ATTEMPTS = 3;
    static final String HOLD = "POST /api/reservations (hold)";
    static final int TARGET_HOLDS_PER_SECOND = 800;

    private static final String SEATS_UNAVAILABLE = "https://tiketi.dev/problems/seats-unavailable";
    /**
     * The buyer holds seats already: an earlier attempt that Gatling gave up on (a gateway timeout) went through
     * after all. Right answer, and the buyer is done.
     */
    private static final String HOLD_EXISTS = "https://tiketi.dev/problems/hold-exists";

    private final HoldAudit audit;
    private final UUID eventId;
    private final SteadyWindow window;

    public HoldSimulation() {
        BenchConfig config = BenchConfig.load();
        int holdRate = Integer.getInteger("bench.holdRate", TARGET_HOLDS_PER_SECOND);
        Duration steady = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        int warmUpUsers = Integer.getInteger("bench.warmUpUsers", 16);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 180));
        int hotSeats = Integer.getInteger("bench.hotSeats", 5_000);
        SigningKey signingKey = config.requireSigningKey();

        TiketiClient admin = TiketiClient.admin(config);
        String runTag = CatalogPayloads.runTag();
        String venueId = admin.create("/api/admin/venues", CatalogPayloads.venue(runTag));
        eventId = admin.eventOnSale(venueId, CatalogPayloads.gridHall("Hold Hall " + runTag, 20, 50, 50),
                "Bench holds " + runTag);
        UUID warmUpEvent = admin.eventOnSale(venueId,
                CatalogPayloads.gridHall("Warm-up Hall " + runTag, 2, 10, 50), "Bench hold warm-up " + runTag);
        SeatPicker seats = new SeatPicker(admin.get("/api/events/" + eventId + "/seats"), hotSeats, 0.7);
        SeatPicker warmUpSeats = new SeatPicker(admin.get("/api/events/" + warmUpEvent + "/seats"), 0, 0);
        System.out.printf(Locale.ROOT, "event %s on sale with %,d seats%n", eventId, seats.seatCount());

        WaitingRoomAdmission waitingRoom = new WaitingRoomAdmission(admin);
        waitingRoom.admitFreely(eventId);
        waitingRoom.admitFreely(warmUpEvent);
        int rampBuyers = OpenInjection.arrivals(holdRate / 10.0, holdRate, RAMP);
        int steadyBuyers = OpenInjection.arrivals(holdRate, holdRate, steady);
        List<Map<String, Object>> warmingUp = waitingRoom.admit(warmUpEvent,
                SyntheticUsers.signed(signingKey, SyntheticUsers.fresh(warmUpUsers)));
        List<Map<String, Object>> buyers = waitingRoom.admit(eventId,
                SyntheticUsers.signed(signingKey, SyntheticUsers.fresh(rampBuyers + steadyBuyers)));
        audit = new HoldAudit(config);
        window = new SteadyWindow("successful hold", holdRate, steady);

        // Ramp and steady arrivals are one injection profile: as two phases (andThen), the steady one started only
        // once the ramp's last buyer was done, a pause in the arrivals followed by a rush of p99 outliers at the
        // start of the measured window. A buyer's requests are named by the phase they arrived in.
        PopulationBuilder buyersPhase = scenario("buyers")
                .feed(listFeeder(buyers).queue())
                .exec(window.nameRequests(HOLD, "hold (ramp)"))
                .exec(buy(seats))
                .injectOpen(rampUsersPerSec(holdRate / 10.0).to(holdRate).during(RAMP),
                        constantUsersPerSec(holdRate).during(steady));
        PopulationBuilder warmUpPhase = scenario("warm-up")
                .feed(listFeeder(warmingUp).queue())
                .during(warmUp).on(exec(pickSeats(warmUpSeats))
                        .exec(hold("warm-up hold", warmUpEvent))
                        .doIf(session -> session.getInt("holdStatus") == 201).then(
                                exec(http("warm-up release").delete("/api/reservations/#{reservationId}")
                                        .header("Authorization", "Bearer #{" + SyntheticUsers.TOKEN + "}")
                                        .check(status().is(204)))))
                .injectOpen(atOnceUsers(warmUpUsers))
                .andThen(buyersPhase, window.marker(RAMP));

        setUp(warmUpPhase)
                .protocols(config.httpProtocol())
                .maxDuration(warmUp.plus(RAMP).plus(steady).plusSeconds(120))
                .assertions(
                        details(HOLD).responseTime().percentile(99.0).lte(100),
                        details(HOLD).successfulRequests().percent().is(100.0),
                        global().failedRequests().count().is(0L));
    }

    /**
     * Prints the successful holds per second and the double-hold audit. Throwing here would cost the run its report
     * (Gatling writes it after this), so a failed audit is a printed verdict, which the runner's output shows.
     */
    @Override
    public void after() {
        audit.auditWhenSettled(eventId).report(RAMP_SECONDS).forEach(System.out::println);
        if (window.complete()) {
            long held = audit.holdsCreated(eventId, window.start(), window.end());
            window.operations(held);
            System.out.printf(Locale.ROOT, "successful holds in the steady window: %,d (%.0f/s)%n", held,
                    held / (Duration.between(window.start(), window.end()).toMillis() / 1000.0));
        }
    }

    /** One buyer: picks seats and holds them, picking again after a 409 until held or out of attempts. */
    private ChainBuilder buy(SeatPicker seats) {
        return exec(session -> session.set("attempt", 0).set("holdStatus", 0).set("refusal", ""))
                .exec(asLongAs(session -> session.getInt("holdStatus") != 201
                        && !HOLD_EXISTS.equals(session.getString("refusal"))
                        && session.getInt("attempt") < MAX_ATTEMPTS).on(
                        exec(pickSeats(seats)).exec(hold(SteadyWindow.REQUEST_NAME, eventId))));
    }

    /** The next seats to try, as a JSON array in {@code seatIds}; a buyer's first attempt may aim for the best block. */
    private static ChainBuilder pickSeats(SeatPicker seats) {
        return exec(session -> {
            int attempt = session.contains("attempt") ? session.getInt("attempt") : 0;
            List<String> picked = seats.pick(attempt == 0);
            return session.set("seatIds", picked.stream().map(id -> "\"" + id + "\"")
                    .collect(Collectors.joining(",", "[", "]"))).set("attempt", attempt + 1);
        });
    }

    private static HttpRequestActionBuilder hold(String name, UUID event) {
        return http(name).post("/api/reservations")
                .header("Authorization", "Bearer #{" + SyntheticUsers.TOKEN + "}")
                .body(StringBody("{\"eventId\":\"" + event + "\",\"seatIds\":#{seatIds},\"admissionToken\":\"#{"
                        + WaitingRoomAdmission.ADMISSION + "}\"}")).asJson()
                .check(status().in(201, 409).saveAs("holdStatus"))
                .checkIf((response, session) -> response.status().code() == 201)
                .then(jsonPath("$.reservation.id").saveAs("reservationId"))
                .checkIf((response, session) -> response.status().code() == 409)
                .then(jsonPath("$.type").in(SEATS_UNAVAILABLE, HOLD_EXISTS).saveAs("refusal"));
    }
}
