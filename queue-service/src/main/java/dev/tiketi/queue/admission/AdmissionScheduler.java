package dev.tiketi.queue.admission;

import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.config.QueueProperties;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Runs an admission tick every {@code tiketi.queue.admission.tick} on whichever instance holds the Redisson
 * lock; the others skip the tick rather than wait, so a tick is never run twice in a row by two instances.
 */
@Component
@ConditionalOnProperty(prefix = "tiketi.queue.admission", name = "scheduler-enabled", havingValue = "true",
        matchIfMissing = true)
class AdmissionScheduler {

    private final RedissonClient redisson;
    private final Admissions admissions;
    private final long leaseMillis;

    AdmissionScheduler(RedissonClient redisson, Admissions admissions, QueueProperties properties) {
        this.redisson = redisson;
        this.admissions = admissions;
        this.leaseMillis = properties.admission().lockLease().toMillis();
    }

    @Scheduled(fixedDelayString = "${tiketi.queue.admission.tick}")
    void tick() throws InterruptedException {
        RLock lock = redisson.getLock(QueueKeys.ADMISSION_LOCK);
        if (!lock.tryLock(0, leaseMillis, TimeUnit.MILLISECONDS)) {
            return;
        }
        try {
            admissions.tick();
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }
}
