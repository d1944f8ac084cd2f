package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import dev.tiketi.e2e.Sale.Hold;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static dev.tiketi.e2e.Sale.ANSWER_LOST_CARD;
import static dev.tiketi.e2e.Sale.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recovery from the faults an outside test run found (issue 12), each ending with the saga audit: a payment-service
 * killed with payments PENDING, Redis losing its data mid-sale, a service dying under the launcher, a breaker
 * recovering once its service is back, and a crowd registering with retries. Convergence times are printed.
 */
@ExtendWith(PlatformExtension.class)
class RecoveryE2ETest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private static PlatformUnderTest platform;
    private static Api gateway;
    private static SagaAudit audit;

    @BeforeAll
    static void platform(PlatformUnderTest running) {
        platform = running;
        gateway = running.gateway();
        audit = new SagaAudit(running.platform());
    }

    @Test
    void aPaymentServiceKilledWithPendingPaymentsSettlesThemWithin30sOfBeingReadyAgain() {
        Sale sale = Sale.open(platform);
        List<Hold> holds = List.of(sale.hold(1), sale.hold(2));
        List<String> paymentIds = new ArrayList<>();
        for (Hold hold : holds) {
            Reply paid = hold.pay(gateway, ANSWER_LOST_CARD);
            assertThat(paid.status()).as(paid.body()).isEqualTo(202);
            paymentIds.add(paid.read("$.id"));
        }

        platform.platform().kill("payment-service");
        platform.platform().restart("payment-service");
        long ready = System.nanoTime();

        // settled: the PG took the money, so SUCCESS — then refunded if the hold (30 s here) ran out meanwhile
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(250)).until(() ->
                settled(holds.get(0).paymentStatus(gateway, paymentIds.get(0)))
                        && settled(holds.get(1).paymentStatus(gateway, paymentIds.get(1))));
        Duration settledAfter = since(ready);
        await().atMost(CONVERGENCE).until(() -> {
            for (int i = 0; i < holds.size(); i++) {
                String payment = holds.get(i).paymentStatus(gateway, paymentIds.get(i));
                String booking = holds.get(i).reservationStatus(gateway);
                boolean confirmed = payment.equals("SUCCESS") && booking.equals("CONFIRMED");
                boolean refunded = payment.equals("REFUNDED") && booking.equals("EXPIRED");
                if (!confirmed && !refunded) {
                    return false;
                }
            }
            return true;
        });
        System.out.printf("payment-service kill -9: PENDING payments settled %d ms after it was ready again,"
                + " their bookings final %d ms after%n", settledAfter.toMillis(), since(ready).toMillis());
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(audit.violations()).isEmpty());
    }

    private static boolean settled(String paymentStatus) {
        return List.of("SUCCESS", "REFUND_PENDING", "REFUNDED").contains(paymentStatus);
    }

    @Test
    void afterRedisLostItsDataMidSaleBuyersWhoHeldCanStillPayAndNothingIsOversold() {
        Sale sale = Sale.open(platform);
        Hold holding = sale.hold(2);
        Hold sold = sale.hold(1);
        assertThat(sold.pay(gateway, APPROVED_CARD).<String>read("$.status")).isEqualTo("SUCCESS");
        await().atMost(CONVERGENCE).until(() -> sold.reservationStatus(gateway).equals("CONFIRMED"));

        flushRedis();
        long flushed = System.nanoTime();

        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> sale.heldSeats().containsAll(holding.seatIds()));
        System.out.printf("Redis FLUSHALL: live holds back on the seat map %d ms later%n", since(flushed).toMillis());
        Reply stolen = sale.tryHold(List.of(holding.seatIds().getFirst()));
        assertThat(stolen.status()).as("a held seat stays held: " + stolen.body()).isEqualTo(409);
        Reply resold = sale.tryHold(sold.seatIds());
        assertThat(resold.status()).as("a sold seat stays sold: " + resold.body()).isEqualTo(409);

        Reply paid = holding.pay(gateway, APPROVED_CARD);
        assertThat(paid.status()).as("the payment token needs nothing from Redis: " + paid.body()).isEqualTo(201);
        assertThat(paid.<String>read("$.status")).isEqualTo("SUCCESS");
        await().atMost(CONVERGENCE).until(() -> holding.reservationStatus(gateway).equals("CONFIRMED"));
        System.out.printf("Redis FLUSHALL: the holder paid and was CONFIRMED %d ms after the flush%n",
                since(flushed).toMillis());
        await().atMost(CONVERGENCE).until(() -> sale.soldSeats().size() == 3);
        assertThat(sale.soldSeats()).containsExactlyInAnyOrderElementsOf(concat(holding.seatIds(), sold.seatIds()));
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(audit.violations()).isEmpty());
    }

    @Test
    void aServiceThatDiesIsRestartedByTheLauncherAndTheGatewayReachesItAgainPromptly() {
        long before = platform.platform().processOf("queue-service").pid();
        String eventId = UUID.randomUUID().toString();
        Set<String> refusals = new HashSet<>();

        platform.platform().crash("queue-service");
        long crashed = System.nanoTime();

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Reply status = queueStatus(eventId);
            if (status.status() == 503) {
                refusals.add(status.retryAfter() == null ? "503 without Retry-After" : "503 with Retry-After");
            }
            return platform.platform().processOf("queue-service").pid() != before && serviceReady("queue-service");
        });
        long ready = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> queueStatus(eventId).status() == 404);
        Duration recovered = since(ready);
        System.out.printf("queue-service crash: restarted by the launcher and ready %d ms after the crash;"
                + " the gateway served it again %d ms after it was ready%n",
                Duration.ofNanos(ready - crashed).toMillis(), recovered.toMillis());
        assertThat(refusals).as("while it was down").containsExactly("503 with Retry-After");
        assertThat(recovered).as("the breaker half-opens on its own after 5 s").isLessThan(Duration.ofSeconds(10));
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(audit.violations()).isEmpty());
    }

    @Test
    void aCrowdRegisteringAtOnceWithRetriesEndsWithExactlyOneAccountEach() throws Exception {
        int buyers = 60;
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            emails.add("crowd-" + UUID.randomUUID() + "@example.com");
        }
        List<Callable<Reply>> registrations = emails.stream().<Callable<Reply>>map(email -> () -> registerRetrying(email))
                .toList();
        long started = System.nanoTime();
        List<Reply> answers = new ArrayList<>();
        try (ExecutorService crowd = Executors.newFixedThreadPool(buyers)) {
            for (Future<Reply> answer : crowd.invokeAll(registrations)) {
                answers.add(answer.get());
            }
        }
        System.out.printf("%d registrations at once, retrying 503/504: all answered in %d ms%n", buyers,
                since(started).toMillis());

        assertThat(answers).extracting(Reply::status).as(answers.stream().map(Reply::body).distinct().toList().toString())
                .containsOnly(201);
        Map<String, Integer> accounts = audit.accountsPerEmail(emails);
        assertThat(accounts).hasSize(buyers);
        assertThat(accounts.values()).containsOnly(1);
        assertThat(audit.violations()).isEmpty();
    }

    /** What the web app does: retry a 503 after its Retry-After (a 504 after a moment), with a little jitter. */
    private static Reply registerRetrying(String email) throws InterruptedException {
        Reply answer = null;
        for (int attempt = 1; attempt <= 15; attempt++) {
            answer = gateway.post("/api/auth/register", """
                    {"email":"%s","password":"Concert-2026!","name":"Kim Crowd","phone":"010-1234-5678",
                     "agreements":[{"code":"SERVICE","version":"2025-01","agreed":true},
                                   {"code":"PRIVACY","version":"2025-01","agreed":true}]}
                    """.formatted(email), null);
            if (answer.status() != 503 && answer.status() != 504) {
                return answer;
            }
            long seconds = answer.retryAfter() == null ? 1 : Long.parseLong(answer.retryAfter());
            Thread.sleep(seconds * 1000 + ThreadLocalRandom.current().nextLong(500));
        }
        return answer;
    }

    private static Reply queueStatus(String eventId) {
        return gateway.get("/api/queue/" + eventId + "/status", platform.token(UUID.randomUUID(), "USER"));
    }

    private static boolean serviceReady(String service) {
        try {
            return platform.service(service).get("/actuator/health/readiness", null).status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static void flushRedis() {
        var infrastructure = platform.platform().infrastructure();
        try (Socket redis = new Socket(infrastructure.redisHost(), infrastructure.redisPort())) {
            OutputStream out = redis.getOutputStream();
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = redis.getInputStream();
            byte[] reply = new byte[5];
            int read = in.readNBytes(reply, 0, reply.length);
            assertThat(new String(reply, 0, read, StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
