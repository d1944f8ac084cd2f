package dev.tiketi.queue.admission;

import dev.tiketi.queue.QueueServiceApplication;
import dev.tiketi.queue.support.EventServiceStub;
import dev.tiketi.queue.waitingroom.WaitingRoom;
import dev.tiketi.testsupport.InfrastructureInitializer;
import dev.tiketi.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the service run their admission schedulers against the same Redis at the same time:
 * everyone is admitted exactly once and in queue order, as if there were one scheduler, and a stream hears
 * of its admission through pub/sub (the periodic broadcast is slowed to once an hour here).
 */
class TwoInstancesAdmissionTest {

    private static final int USERS = 400;

    /** Filled by both instances' listeners; a listener runs inside its tick, hence inside the lock. */
    private static final Queue<UUID> ADMITTED_IN_ORDER = new ConcurrentLinkedQueue<>();

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(QueueServiceApplication.class)
                .initializers(new InfrastructureInitializer())
                .initializers(context -> context.getBeanFactory().registerSingleton("recorder",
                        (AdmissionListener) admitted -> admitted.forEach(a -> ADMITTED_IN_ORDER.add(a.userId()))))
                .run("--server.port=0",
                        "--tiketi.urls.event-service=" + EventServiceStub.instance().baseUrl(),
                        "--tiketi.queue.admission.scheduler-enabled=true",
                        "--tiketi.queue.admission.tick=10ms",
                        "--tiketi.queue.stream-interval=1h");
    }

    @BeforeAll
    static void startBoth() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stopBoth() {
        first.close();
        second.close();
    }

    @BeforeEach
    void forgetEarlierAdmissions() {
        ADMITTED_IN_ORDER.clear();
    }

    @Test
    void everyoneAdmittedOnceAndInOrder() {
        UUID event = UUID.randomUUID();
        QueuePolicies policies = first.getBean(QueuePolicies.class);
        WaitingRoom waitingRoom = second.getBean(WaitingRoom.class);
        policies.pause(event, true);
        List<UUID> users = IntStream.range(0, USERS).mapToObj(i -> UUID.randomUUID()).toList();
        users.forEach(user -> waitingRoom.enter(event, user));
        policies.change(event, new AdmissionPolicy(PolicyType.FIXED_RATE, 2_000, 1_000));

        policies.pause(event, false);

        await().atMost(Duration.ofSeconds(20)).until(() -> ADMITTED_IN_ORDER.size() >= USERS);
        List<UUID> admitted = List.copyOf(ADMITTED_IN_ORDER);
        assertThat(admitted).hasSize(USERS).doesNotHaveDuplicates();
        assertThat(admitted).containsExactlyElementsOf(users);
        assertThat(policies.current(event).admittedTotal()).isEqualTo(USERS);
    }

    @Test
    void aStreamHearsOfItsAdmissionWhicheverInstanceAdmitted() throws Exception {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        QueuePolicies policies = first.getBean(QueuePolicies.class);
        policies.pause(event, true);
        second.getBean(WaitingRoom.class).enter(event, user);
        int port = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/queue/" + event + "/stream"))
                .header("Authorization", "Bearer " + TestTokens.instance().user(user)).build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:position"));

        policies.pause(event, false);

        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:admitted"));
        await().atMost(Duration.ofSeconds(5)).until(ended::isDone);
        assertThat(lines.get(lines.indexOf("event:admitted") + 1)).contains("qr_");
    }
}
