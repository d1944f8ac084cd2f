package dev.tiketi.reservation.queue;

import dev.tiketi.reservation.booking.ShoppingEnded;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives a buyer's waiting-room slot back once their turn has ended for good, after the commit and off the
 * committing thread: an expiry batch or a Kafka record must not wait on queue-service.
 */
@Component
class SlotRelease {

    private final QueueGate queue;
    private final TaskExecutor executor;

    SlotRelease(QueueGate queue, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.queue = queue;
        this.executor = executor;
    }

    @TransactionalEventListener
    void afterCommit(ShoppingEnded ended) {
        executor.execute(() -> queue.releaseSlot(ended.eventId(), ended.userId()));
    }
}
