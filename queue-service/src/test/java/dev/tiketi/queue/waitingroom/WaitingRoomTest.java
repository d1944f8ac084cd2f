package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.support.EventServiceStub;
import dev.tiketi.queue.support.QueueIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "tiketi.queue.capacity=3")
class WaitingRoomTest extends QueueIntegrationTest {

    @Test
    void enteringGivesPositionsInArrivalOrder() {
        UUID event = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        var one = enter(event, first);
        var two = enter(event, second);

        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json(one, "$.eventId").toString()).isEqualTo(event.toString());
        assertThat(json(one, "$.status").toString()).isEqualTo("WAITING");
        assertThat(json(one, "$.position").toString()).isEqualTo("1");
        assertThat(json(one, "$.ahead").toString()).isEqualTo("0");
        assertThat(json(two, "$.position").toString()).isEqualTo("2");
        assertThat(json(two, "$.ahead").toString()).isEqualTo("1");
        assertThat(json(two, "$.totalWaiting").toString()).isEqualTo("2");
        // default fixed rate of 10/s: the second in line waits about a second
        assertThat(json(two, "$.estimatedWaitSeconds").toString()).isEqualTo("1");
        assertThat(two.body()).doesNotContain("admissionToken");
    }

    @Test
    void reEnteringKeepsThePlace() {
        UUID event = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        enter(event, early);
        enter(event, UUID.randomUUID());

        var again = enter(event, early);

        assertThat(json(again, "$.position").toString()).isEqualTo("1");
        assertThat(json(again, "$.totalWaiting").toString()).isEqualTo("2");
    }

    @Test
    void statusAndLeave() {
        UUID event = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        enter(event, first);
        enter(event, second);

        assertThat(json(status(event, second), "$.position").toString()).isEqualTo("2");
        assertThat(leave(event, first).statusCode()).isEqualTo(204);
        assertThat(json(status(event, second), "$.position").toString()).isEqualTo("1");
        assertProblem(status(event, first), 404, "not-in-queue");
        assertThat(leave(event, first).statusCode()).as("leaving twice is harmless").isEqualTo(204);
    }

    @Test
    void oneQueueAtATime() {
        UUID user = UUID.randomUUID();
        UUID firstEvent = UUID.randomUUID();
        UUID secondEvent = UUID.randomUUID();
        enter(firstEvent, user);

        assertProblem(enter(secondEvent, user), 409, "already-in-another-queue");

        leave(firstEvent, user);
        assertThat(enter(secondEvent, user).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyEventsOnSaleHaveAnOpenWaitingRoom() {
        UUID closed = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        EventServiceStub.instance().status(closed, "SCHEDULED");
        EventServiceStub.instance().status(unknown, "UNKNOWN");

        assertProblem(enter(closed, UUID.randomUUID()), 409, "queue-closed");
        assertProblem(enter(unknown, UUID.randomUUID()), 404, "event-not-found");
    }

    @Test
    void aFullQueueTurnsNewcomersAwayButNotThoseAlreadyIn() {
        UUID event = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        for (UUID user : new UUID[] {first, UUID.randomUUID(), UUID.randomUUID()}) {
            assertThat(enter(event, user).statusCode()).isEqualTo(200);
        }

        assertProblem(enter(event, UUID.randomUUID()), 409, "queue-full");
        assertThat(enter(event, first).statusCode()).isEqualTo(200);
    }

    @Test
    void needsATokenAndAValidEventId() {
        UUID event = UUID.randomUUID();
        assertThat(call("POST", "/api/queue/" + event + "/enter", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/queue/not-a-uuid/status", tokens.user(UUID.randomUUID()), null).statusCode())
                .isEqualTo(400);
    }
}
