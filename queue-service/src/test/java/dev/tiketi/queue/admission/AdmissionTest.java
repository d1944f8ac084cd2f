package dev.tiketi.queue.admission;

import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.support.QueueIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AdmissionTest extends QueueIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    private List<UUID> queueUp(UUID event, int count) {
        List<UUID> users = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        users.forEach(user -> assertThat(enter(event, user).statusCode()).isEqualTo(200));
        return users;
    }

    @Test
    void admissionsAreCountedWithTheTimeEachUserWaitedAndTheWaitingAreGauged() {
        UUID event = UUID.randomUUID();
        policy(event, "{\"type\":\"CAPACITY\",\"maxActive\":2}");
        double waitingBefore = meters.get("tiketi.queue.waiting").gauge().value();
        double admittedBefore = meters.get("tiketi.queue.admitted").counter().count();
        long waitsBefore = meters.get("tiketi.queue.wait").timer().count();
        double waitedBefore = meters.get("tiketi.queue.wait").timer().totalTime(TimeUnit.MILLISECONDS);
        long entered = System.nanoTime();

        List<UUID> users = queueUp(event, 5);
        assertThat(meters.get("tiketi.queue.waiting").gauge().value() - waitingBefore).isEqualTo(5);

        // this event alone: a tick would also admit from the open queues other tests left behind
        assertThat(admissions.admit(event)).extracting(Admitted::userId).containsExactly(users.get(0), users.get(1));
        long sinceEntering = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - entered);

        assertThat(meters.get("tiketi.queue.admitted").counter().count() - admittedBefore).isEqualTo(2);
        assertThat(meters.get("tiketi.queue.wait").timer().count() - waitsBefore).isEqualTo(2);
        assertThat(meters.get("tiketi.queue.wait").timer().totalTime(TimeUnit.MILLISECONDS) - waitedBefore)
                .as("two waits, each at most the time since the first entered (milliseconds, not microseconds)")
                .isBetween(0.0, 2.0 * sinceEntering + 2);
        assertThat(meters.get("tiketi.queue.waiting").gauge().value() - waitingBefore).isEqualTo(3);
    }

    @Test
    void capacityPolicyKeepsAtMostNActiveAndAdmitsInQueueOrder() {
        UUID event = UUID.randomUUID();
        policy(event, "{\"type\":\"CAPACITY\",\"maxActive\":2}");
        List<UUID> users = queueUp(event, 5);

        assertThat(tickFor(event)).containsExactly(users.get(0), users.get(1));
        assertThat(tickFor(event)).isEmpty();

        var admitted = status(event, users.get(0));
        assertThat(json(admitted, "$.status").toString()).isEqualTo("ADMITTED");
        assertThat(admitted.body()).contains("\"position\":null");
        assertThat(json(admitted, "$.admissionToken").toString()).startsWith("qr_");
        assertThat(json(admitted, "$.admissionExpiresAt").toString()).endsWith("Z");
        assertThat(json(status(event, users.get(2)), "$.position").toString()).isEqualTo("1");
        assertThat(json(enter(event, users.get(0)), "$.status").toString())
                .as("entering again once admitted keeps the admission").isEqualTo("ADMITTED");

        assertThat(enter(UUID.randomUUID(), users.get(1)).statusCode())
                .as("once admitted, a user may wait for another event").isEqualTo(200);

        leave(event, users.get(0));
        assertThat(tickFor(event)).containsExactly(users.get(2));

        // an admission that expired gives its slot back on the next tick
        redis.opsForZSet().add(QueueKeys.active(event), users.get(1).toString(), 0);
        assertThat(tickFor(event)).containsExactly(users.get(3));
    }

    @Test
    void fixedRateAdmitsNoFasterThanTheRate() {
        UUID event = UUID.randomUUID();
        policy(event, "{\"type\":\"FIXED_RATE\",\"ratePerSecond\":20}");
        List<UUID> users = queueUp(event, 30);
        List<UUID> admitted = new ArrayList<>();
        long started = System.nanoTime();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            admitted.addAll(tickFor(event));
            return admitted.size() >= 20;
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
        assertThat(admitted).containsExactlyElementsOf(users.subList(0, admitted.size()));
    }

    @Test
    void pausedQueuesAdmitNobodyUntilResumed() {
        UUID event = UUID.randomUUID();
        String admin = tokens.admin(UUID.randomUUID());
        policy(event, "{\"type\":\"CAPACITY\",\"maxActive\":10}");
        var paused = call("POST", "/api/admin/queue/" + event + "/pause", admin, null);
        assertThat(json(paused, "$.paused").toString()).isEqualTo("true");
        List<UUID> users = queueUp(event, 3);

        assertThat(tickFor(event)).isEmpty();
        call("POST", "/api/admin/queue/" + event + "/resume", admin, null);
        assertThat(tickFor(event)).containsExactlyElementsOf(users);

        var stats = call("GET", "/api/admin/queue/" + event, admin, null);
        assertThat(json(stats, "$.waiting").toString()).isEqualTo("0");
        assertThat(json(stats, "$.admitted").toString()).isEqualTo("3");
        assertThat(json(stats, "$.active").toString()).isEqualTo("3");
        assertThat(json(stats, "$.paused").toString()).isEqualTo("false");
        assertThat(json(stats, "$.policy.type").toString()).isEqualTo("CAPACITY");
        assertThat(json(stats, "$.policy.maxActive").toString()).isEqualTo("10");
        assertThat(json(stats, "$.policy.ratePerSecond").toString()).isEqualTo("10");
    }

    @Test
    void adminEndpointsNeedAdminAndValidPolicies() {
        UUID event = UUID.randomUUID();
        String admin = tokens.admin(UUID.randomUUID());
        assertThat(call("GET", "/api/admin/queue/" + event, tokens.user(UUID.randomUUID()), null).statusCode())
                .isEqualTo(403);
        assertProblem(call("PUT", "/api/admin/queue/" + event + "/policy", admin, "{\"type\":\"LOTTERY\"}"),
                400, "malformed-request");
        assertProblem(call("PUT", "/api/admin/queue/" + event + "/policy", admin,
                "{\"type\":\"CAPACITY\",\"maxActive\":0}"), 400, "validation-failed");
        assertProblem(call("PUT", "/api/admin/queue/" + event + "/policy", admin, "{}"), 400, "validation-failed");
    }
}
