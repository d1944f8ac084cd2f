package dev.tiketi.queue.waitingroom;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QueueStatusTest {

    private final UUID event = UUID.randomUUID();

    @Test
    void theWaitIsTheTimeToAdmitEveryoneAheadAndYou() {
        assertThat(QueueStatus.waiting(event, 0, 50, 10, 0).estimatedWaitSeconds()).isEqualTo(1);
        assertThat(QueueStatus.waiting(event, 9, 50, 10, 0).estimatedWaitSeconds()).isEqualTo(1);
        assertThat(QueueStatus.waiting(event, 10, 50, 10, 0).estimatedWaitSeconds()).isEqualTo(2);
        assertThat(QueueStatus.waiting(event, 49_999, 50_000, 10, 0).estimatedWaitSeconds()).isEqualTo(5_000);
    }

    @Test
    void positionsAreOneBasedAndAdmittedUsersHaveNone() {
        var waiting = QueueStatus.waiting(event, 4, 10, 10, 0);
        assertThat(waiting.position()).isEqualTo(5);
        assertThat(waiting.ahead()).isEqualTo(4);
        var admitted = QueueStatus.admitted(event, "qr_x", Instant.now(), 3);
        assertThat(admitted.position()).isNull();
        assertThat(admitted.isAdmitted()).isTrue();
    }
}
