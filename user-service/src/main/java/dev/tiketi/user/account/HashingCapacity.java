package dev.tiketi.user.account;

import dev.tiketi.user.auth.AuthProperties;
import dev.tiketi.web.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Password hashing (BCrypt) is the costliest thing a registration does: a crowd registering at once would
 * queue for the CPU until the gateway gives up after 5 s (504), while the accounts were still being created
 * behind it. Instead, at most a few hashes run at once, a registration waits briefly for its turn, and one that
 * cannot get it is refused at once with 503 {@code registration-busy} and Retry-After — nothing created, a
 * retry is safe and is served once the crowd has thinned.
 */
@Component
class HashingCapacity {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Semaphore permits;
    private final Duration maxWait;

    HashingCapacity(AuthProperties properties) {
        this.permits = new Semaphore(properties.hashing().permits(), true);
        this.maxWait = properties.hashing().maxWait();
    }

    <T> T run(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "registration-busy",
                    "Too many registrations are being processed right now; nothing was created. Try again shortly.",
                    RETRY_AFTER);
        }
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }
}
