package dev.tiketi.user.account;

import dev.tiketi.user.auth.AuthProperties;
import dev.tiketi.web.problem.ApiException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Password hashing (BCrypt) is the costliest thing a registration or a sign-in does: a crowd registering or
 * signing in at once would queue for the CPU until the gateway gives up after 5 s (504), while the work went on
 * behind it. Instead, at most a few hashes run at once (registrations and sign-ins share the turns), a request
 * waits briefly for its turn, and one that cannot get it is refused at once with 503 ({@code registration-busy}
 * or {@code login-busy}) and Retry-After — nothing created, nobody signed in, no failed attempt counted, so a
 * retry is safe and is served once the crowd has thinned.
 *
 * <p>The hashes run on platform threads of their own, not on the request's virtual thread: CPU-bound work is
 * never preempted on a virtual thread's carrier, so a crowd of hashes would starve every other request of the
 * few carriers — including those holding a database connection in an open transaction, which then stalls the
 * whole pool (seen: connections "idle in transaction" for seconds, then 500s on connection timeouts).
 */
@Component
public class HashingCapacity implements DisposableBean {

    /** What a hash is for, which decides how a request refused for want of a turn is answered. */
    public enum Purpose {
        REGISTRATION("registration-busy",
                "Too many registrations are being processed right now; nothing was created. Try again shortly."),
        LOGIN("login-busy", "Too many sign-ins are being processed right now; you were not signed in. Try again shortly.");

        private final String busyCode;
        private final String busyDetail;

        Purpose(String busyCode, String busyDetail) {
            this.busyCode = busyCode;
            this.busyDetail = busyDetail;
        }
    }

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Semaphore permits;
    private final Duration maxWait;
    private final ExecutorService hashers;

    HashingCapacity(AuthProperties properties) {
        int concurrent = properties.hashing().permits();
        this.permits = new Semaphore(concurrent, true);
        this.maxWait = properties.hashing().maxWait();
        this.hashers = Executors.newFixedThreadPool(concurrent,
                Thread.ofPlatform().daemon().name("password-hashing-", 0).factory());
    }

    public <T> T run(Purpose purpose, Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, purpose.busyCode, purpose.busyDetail,
                    RETRY_AFTER);
        }
        try {
            return hashers.submit(hashing::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        } finally {
            permits.release();
        }
    }

    @Override
    public void destroy() {
        hashers.shutdownNow();
    }
}
