package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.support.QueueIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public progress figure and the tickets it is compared with: a waiting client is admitted exactly when the
 * highest ticket admitted reaches its own, so clients can poll one shared, cacheable answer instead of their own.
 */
class QueueProgressTest extends QueueIntegrationTest {

    private HttpResponse<String> progress(UUID event) {
        return call("GET", "/api/queue/" + event + "/progress", null, null);
    }

    private long ticket(UUID event, UUID user) {
        return ((Number) json(status(event, user), "$.ticket")).longValue();
    }

    private long servedThrough(UUID event) {
        return ((Number) json(progress(event), "$.servedThrough")).longValue();
    }

    @Test
    void ticketsFollowTheOrderOfEntryAndTheFigureIsPublicAndCacheableForASecond() {
        UUID event = UUID.randomUUID();
        List<UUID> users = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList();
        for (int i = 0; i < users.size(); i++) {
            var entered = enter(event, users.get(i));
            assertThat(((Number) json(entered, "$.ticket")).longValue()).isEqualTo(i + 1);
        }
        assertThat(ticket(event, users.get(1))).as("entering again keeps the ticket")
                .isEqualTo(((Number) json(enter(event, users.get(1)), "$.ticket")).longValue()).isEqualTo(2);

        var answer = progress(event);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=1, public");
        assertThat(json(answer, "$.eventId").toString()).isEqualTo(event.toString());
        assertThat(json(answer, "$.servedThrough").toString()).isEqualTo("0");
        assertThat(json(answer, "$.totalWaiting").toString()).isEqualTo("3");
        assertThat(((Number) json(answer, "$.admissionsPerSecond")).doubleValue()).as("the default fixed rate")
                .isEqualTo(10.0);
        assertThat(answer.body()).contains("\"closedReason\":null").doesNotContain(users.getFirst().toString());
    }

    @Test
    void theFigureReachesATicketExactlyWhenItsHolderIsAdmittedAndPeopleWhoLeftAreSkipped() {
        UUID event = UUID.randomUUID();
        policy(event, "{\"type\":\"CAPACITY\",\"maxActive\":2}");
        List<UUID> users = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        users.forEach(user -> assertThat(enter(event, user).statusCode()).isEqualTo(200));
        assertThat(leave(event, users.get(1)).statusCode()).isEqualTo(204);

        assertThat(tickFor(event)).containsExactly(users.get(0), users.get(2));

        assertThat(servedThrough(event)).isEqualTo(3);
        var admitted = status(event, users.get(2));
        assertThat(json(admitted, "$.status").toString()).isEqualTo("ADMITTED");
        assertThat(admitted.body()).as("an admitted user has no ticket any more").doesNotContain("ticket");
        var next = status(event, users.get(3));
        assertThat(json(next, "$.ticket").toString()).isEqualTo("4");
        assertThat(json(next, "$.position").toString()).isEqualTo("1");
        assertThat(json(progress(event), "$.totalWaiting").toString()).isEqualTo("2");

        leave(event, users.get(0));
        assertThat(tickFor(event)).containsExactly(users.get(3));
        assertThat(servedThrough(event)).isEqualTo(4);
        assertThat(ticket(event, users.get(4))).isEqualTo(5);
    }

    /**
     * Many buyers entering at once from many threads get distinct tickets 1..N in the order of their places, and
     * while the line is let in batch by batch, everyone admitted holds a ticket at or below the figure and everyone
     * still waiting one above it: the client's "my turn" test is exact.
     */
    @Test
    void underConcurrentEntriesTicketsAreExactlyOneToNInLineOrderAndTheFigureSplitsAdmittedFromWaiting()
            throws Exception {
        UUID event = UUID.randomUUID();
        policy(event, "{\"type\":\"CAPACITY\",\"maxActive\":37}");
        int buyers = 400;
        List<UUID> users = IntStream.range(0, buyers).mapToObj(i -> UUID.randomUUID()).toList();
        Map<UUID, Long> tickets = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(32)) {
            for (UUID user : users) {
                threads.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    var entered = enter(event, user);
                    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(200);
                    tickets.put(user, ((Number) json(entered, "$.ticket")).longValue());
                });
            }
            start.countDown();
        }
        assertThat(tickets).hasSize(buyers);
        assertThat(new HashSet<>(tickets.values()))
                .isEqualTo(Set.copyOf(IntStream.rangeClosed(1, buyers).mapToObj(Long::valueOf).toList()));
        Map<UUID, Long> places = new HashMap<>();
        users.forEach(user -> places.put(user, ((Number) json(status(event, user), "$.position")).longValue()));
        List<UUID> byPlace = new ArrayList<>(users);
        byPlace.sort(Comparator.comparing(places::get));
        List<Long> ticketsByPlace = byPlace.stream().map(tickets::get).toList();
        List<Long> sorted = new ArrayList<>(ticketsByPlace);
        Collections.sort(sorted);
        assertThat(ticketsByPlace).as("the n-th in line holds ticket n").isEqualTo(sorted);

        Set<UUID> admitted = new HashSet<>();
        while (admitted.size() < buyers) {
            List<UUID> batch = tickFor(event);
            assertThat(batch).hasSize(Math.min(37, buyers - admitted.size()));
            admitted.addAll(batch);
            long served = servedThrough(event);
            for (UUID user : users) {
                assertThat(tickets.get(user) <= served).as("ticket %d against %d", tickets.get(user), served)
                        .isEqualTo(admitted.contains(user));
            }
            // the admitted leave, so the next batch has its slots
            batch.forEach(user -> leave(event, user));
        }
        assertThat(servedThrough(event)).isEqualTo(buyers);
    }

    @Test
    void anEventWithoutARoomIsNotFoundAndAMalformedIdIsABadRequest() {
        assertProblem(progress(UUID.randomUUID()), 404, "queue-not-found");
        var malformed = call("GET", "/api/queue/not-a-uuid/progress", null, null);
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
