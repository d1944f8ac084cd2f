package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.admission.AdmissionPolicy;
import dev.tiketi.queue.admission.Admitted;
import dev.tiketi.queue.admission.PolicyType;
import dev.tiketi.queue.admission.QueuePolicies;
import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.support.QueueIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Ten thousand people arriving at once, then admission ticks racing each other without the lock. */
class FairnessTest extends QueueIntegrationTest {

    private static final int USERS = 10_000;

    @Autowired
    WaitingRoom waitingRoom;

    @Autowired
    QueuePolicies policies;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void concurrentEntersGetDistinctGaplessPositionsAndAreAdmittedOnceInOrder() throws Exception {
        UUID event = UUID.randomUUID();
        policies.pause(event, true);
        List<UUID> users = IntStream.range(0, USERS).mapToObj(i -> UUID.randomUUID()).toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<QueueStatus>> entered = new ArrayList<>();
            for (UUID user : users) {
                entered.add(pool.submit(() -> {
                    start.await();
                    return waitingRoom.enter(event, user);
                }));
            }
            start.countDown();
            for (Future<QueueStatus> future : entered) {
                assertThat(future.get().status()).isEqualTo(QueueStatus.WAITING);
            }
        }

        List<Long> positions = users.stream().map(user -> waitingRoom.status(event, user).position()).sorted().toList();
        assertThat(positions).containsExactlyElementsOf(LongStream.rangeClosed(1, USERS).boxed().toList());
        List<UUID> queueOrder = redis.opsForZSet().range(QueueKeys.queue(event), 0, -1).stream()
                .map(UUID::fromString).toList();
        assertThat(new HashSet<>(queueOrder)).isEqualTo(new HashSet<>(users));

        policies.change(event, new AdmissionPolicy(PolicyType.CAPACITY, 10, USERS));
        policies.pause(event, false);
        List<List<UUID>> batches = Collections.synchronizedList(new ArrayList<>());
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int worker = 0; worker < 4; worker++) {
                pool.submit(() -> {
                    while (policies.waiting(event) > 0) {
                        List<Admitted> batch = admissions.tick().stream().filter(a -> a.eventId().equals(event)).toList();
                        batch.forEach(a -> tokens.add(a.token()));
                        if (!batch.isEmpty()) {
                            batches.add(batch.stream().map(Admitted::userId).toList());
                        }
                    }
                    return null;
                });
            }
        }

        List<UUID> admitted = batches.stream().flatMap(List::stream).toList();
        assertThat(admitted).hasSize(USERS).doesNotHaveDuplicates();
        assertThat(tokens).hasSize(USERS);
        assertThat(policies.current(event).admittedTotal()).isEqualTo(USERS);
        // each batch is a contiguous run of the queue, in order: nobody overtakes anybody
        for (List<UUID> batch : batches) {
            int first = queueOrder.indexOf(batch.getFirst());
            assertThat(batch).containsExactlyElementsOf(queueOrder.subList(first, first + batch.size()));
        }
    }
}
