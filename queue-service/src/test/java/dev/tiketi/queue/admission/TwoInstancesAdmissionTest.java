package dev.tiketi.queue.admission;

import dev.tiketi.queue.QueueServiceApplication;
import dev.tiketi.queue.support.EventServiceStub;
import dev.tiketi.queue.waitingroom.WaitingRoom;
import dev.tiketi.testsupport.InfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the service run their admission schedulers against the same Redis at the same time:
 * everyone is admitted exactly once and in queue order, as if there were one scheduler.
 */
class TwoInstancesAdmissionTest {

    private static final int USERS = 400;

    /** Filled by both instances' listeners; a listener runs inside its tick, hence inside the lock. */
    private final Queue<UUID> admittedInOrder = new ConcurrentLinkedQueue<>();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(QueueServiceApplication.class)
                .initializers(new InfrastructureInitializer())
                .initializers(context -> context.getBeanFactory().registerSingleton("recorder",
                        (AdmissionListener) admitted -> admitted.forEach(a -> admittedInOrder.add(a.userId()))))
                .run("--server.port=0",
                        "--tiketi.urls.event-service=" + EventServiceStub.instance().baseUrl(),
                        "--tiketi.queue.admission.scheduler-enabled=true",
                        "--tiketi.queue.admission.tick=10ms");
    }

    @Test
    void everyoneAdmittedOnceAndInOrder() {
        try (var first = start(); var second = start()) {
            UUID event = UUID.randomUUID();
            QueuePolicies policies = first.getBean(QueuePolicies.class);
            WaitingRoom waitingRoom = second.getBean(WaitingRoom.class);
            policies.pause(event, true);
            List<UUID> users = IntStream.range(0, USERS).mapToObj(i -> UUID.randomUUID()).toList();
            users.forEach(user -> waitingRoom.enter(event, user));
            policies.change(event, new AdmissionPolicy(PolicyType.FIXED_RATE, 2_000, 1_000));

            policies.pause(event, false);

            await().atMost(Duration.ofSeconds(20)).until(() -> admittedInOrder.size() >= USERS);
            List<UUID> admitted = List.copyOf(admittedInOrder);
            assertThat(admitted).hasSize(USERS).doesNotHaveDuplicates();
            assertThat(admitted).containsExactlyElementsOf(users);
            assertThat(new HashSet<>(admitted)).hasSize(USERS);
            assertThat(policies.current(event).admittedTotal()).isEqualTo(USERS);
        }
    }
}
