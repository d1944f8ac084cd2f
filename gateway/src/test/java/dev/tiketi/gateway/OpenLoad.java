package dev.tiketi.gateway;

import reactor.netty.http.client.HttpClient;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The measuring harnesses' open-model load (as Gatling's open injection): requests sent at a fixed rate from one
 * sender thread, each when it is due (catching up after a stall, never waiting for answers), latency counted from
 * when each was due, so a stalled proxy shows as latency instead of fewer requests.
 */
public final class OpenLoad {

    private OpenLoad() {
    }

    /** One request; {@code n} numbers it, e.g. to pick a user. */
    @FunctionalInterface
    public interface Request {
        HttpClient.ResponseReceiver<?> send(long n);
    }

    /**
     * One step: each request's latency in microseconds from when it was due, the answers other than 200 (errors
     * included), and the sender thread's own CPU — taken by the sender itself, as a thread that has ended by the
     * next look at the process's threads is not among them.
     */
    public record Step(long[] micros, long failed, long senderNanos) {

        public int sent() {
            return micros.length;
        }

        public double percentile(int p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
        }
    }

    /** {@code rate} requests a second for {@code duration} from a thread {@code senderName}; waits for the answers. */
    public static Step run(Request request, int rate, Duration duration, String senderName)
            throws InterruptedException {
        int total = (int) (rate * duration.toMillis() / 1000);
        long[] micros = new long[total];
        AtomicLong failed = new AtomicLong();
        AtomicLong senderNanos = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        Thread sender = Thread.ofPlatform().name(senderName).start(() -> {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 200_000) {
                    LockSupport.parkNanos(wait - 100_000);
                }
                int n = i;
                request.send(n)
                        .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                                .map(ignored -> response.status().code()))
                        .timeout(Duration.ofSeconds(30))
                        .subscribe(status -> {
                            if (status != 200) {
                                failed.incrementAndGet();
                            }
                        }, error -> {
                            failed.incrementAndGet();
                            micros[n] = (System.nanoTime() - due) / 1000;
                            done.countDown();
                        }, () -> {
                            micros[n] = (System.nanoTime() - due) / 1000;
                            done.countDown();
                        });
            }
            senderNanos.set(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        });
        sender.join();
        done.await(60, TimeUnit.SECONDS);
        return new Step(micros, failed.get(), senderNanos.get());
    }
}
