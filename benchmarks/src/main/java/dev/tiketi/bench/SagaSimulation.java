package dev.tiketi.bench;

import dev.tiketi.platform.SigningKey;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * SPEC section 4, saga: payment success → CONFIRMED p99 ≤ 1 s, and outbox lag p99 ≤ 500 ms, with buyers paying at
 * {@code bench.purchaseRate} per second (default 5, what the 2-core dev box carries; at 15 it saturates). Both are read from the services' own timestamps afterwards
 * ({@link SagaTimings}): the saga runs behind the HTTP answers, from payment-service's outbox over Kafka to
 * reservation-service and on to event-service.
 *
 * <p>Set-up, not measured: an event on sale in a 25,000-seat hall admitting 10,000/s; every buyer a token signed
 * with the platform's key, admitted through the waiting room, and given a seat nobody else gets (the saga, not seat
 * contention, is measured here). Load, open model: buyers arrive at the rate for {@code bench.warmUpSeconds}
 * (default 60, not measured) and then for {@code bench.seconds} (default 60); each holds its seat and pays with the
 * simulated PG's approving test card. Only payments approved in the second phase count.
 */
public class SagaSimulation extends Simulation {

    static final String HOLD = "POST /api/reservations (hold)";
    static final String PAY = "POST /api/payments (approved card)";

    private static final String APPROVING_CARD = "4111111111111111";
    private static final String SEAT = "seat";

    private final AtomicReference<Instant> measuredFrom = new AtomicReference<>();
    private final SagaTimings timings;
    private final UUID eventId;

    public SagaSimulation() {
        BenchConfig config = BenchConfig.load();
        int rate = Integer.getInteger("bench.purchaseRate", 5);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 60));
        Duration steady = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
        SigningKey signingKey = config.requireSigningKey();

        TiketiClient admin = TiketiClient.admin(config);
        String runTag = CatalogPayloads.runTag();
        String venueId = admin.create("/api/admin/venues", CatalogPayloads.venue(runTag));
        eventId = admin.eventOnSale(venueId, CatalogPayloads.gridHall("Saga Hall " + runTag, 10, 50, 50),
                "Bench saga " + runTag);
        List<String> seats = admin.get("/api/events/" + eventId + "/seats").findValuesAsText("id");

        WaitingRoomAdmission waitingRoom = new WaitingRoomAdmission(admin);
        waitingRoom.admitFreely(eventId);
        int warmUpBuyers = OpenInjection.arrivals(rate, rate, warmUp);
        int measuredBuyers = OpenInjection.arrivals(rate, rate, steady);
        List<Map<String, Object>> buyers = withSeats(waitingRoom.admit(eventId,
                SyntheticUsers.signed(signingKey, SyntheticUsers.fresh(warmUpBuyers + measuredBuyers))), seats);
        timings = new SagaTimings(config);

        PopulationBuilder measured = scenario("buyers")
                .feed(listFeeder(buyers.subList(warmUpBuyers, buyers.size())).queue())
                .exec(session -> {
                    measuredFrom.compareAndSet(null, Instant.now());
                    return session;
                })
                .exec(purchase(HOLD, PAY))
                .injectOpen(constantUsersPerSec(rate).during(steady));
        PopulationBuilder warmingUp = scenario("warm-up")
                .feed(listFeeder(buyers.subList(0, warmUpBuyers)).queue())
                .exec(purchase("warm-up hold", "warm-up pay"))
                .injectOpen(constantUsersPerSec(rate).during(warmUp))
                .andThen(measured);

        setUp(warmingUp)
                .protocols(config.httpProtocol())
                .maxDuration(warmUp.plus(steady).plusSeconds(60))
                .assertions(
                        details(HOLD).successfulRequests().percent().is(100.0),
                        details(PAY).successfulRequests().percent().is(100.0));
    }

    /** Prints the saga's timings for the payments approved in the measured phase, once they have all converged. */
    @Override
    public void after() {
        Instant from = measuredFrom.get();
        if (from == null) {
            System.out.println("saga: the measured phase never started");
            return;
        }
        timings.whenSettled(eventId, from, Instant.now()).report().forEach(System.out::println);
    }

    private ChainBuilder purchase(String holdName, String payName) {
        String bearer = "Bearer #{" + SyntheticUsers.TOKEN + "}";
        return exec(http(holdName).post("/api/reservations")
                .header("Authorization", bearer)
                .body(StringBody("{\"eventId\":\"" + eventId + "\",\"seatIds\":[\"#{" + SEAT + "}\"],"
                        + "\"admissionToken\":\"#{" + WaitingRoomAdmission.ADMISSION + "}\"}")).asJson()
                .check(status().is(201), jsonPath("$.reservation.id").saveAs("reservationId"),
                        jsonPath("$.paymentToken").saveAs("paymentToken")))
                .exitHereIfFailed()
                .exec(http(payName).post("/api/payments")
                        .header("Authorization", bearer)
                        .header("X-Payment-Token", "#{paymentToken}")
                        .body(StringBody("{\"reservationId\":\"#{reservationId}\",\"paymentKey\":\"bench-#{reservationId}\","
                                + "\"method\":\"CARD\",\"card\":{\"number\":\"" + APPROVING_CARD + "\"}}")).asJson()
                        .check(status().is(201), jsonPath("$.status").is("SUCCESS")));
    }

    /** Each buyer's feeder record with a seat of its own. */
    private static List<Map<String, Object>> withSeats(List<Map<String, Object>> buyers, List<String> seats) {
        if (seats.size() < buyers.size()) {
            throw new IllegalStateException(buyers.size() + " buyers but only " + seats.size() + " seats");
        }
        List<Map<String, Object>> seated = new ArrayList<>(buyers.size());
        for (int i = 0; i < buyers.size(); i++) {
            Map<String, Object> buyer = new HashMap<>(buyers.get(i));
            buyer.put(SEAT, seats.get(i));
            seated.add(buyer);
        }
        return seated;
    }
}
