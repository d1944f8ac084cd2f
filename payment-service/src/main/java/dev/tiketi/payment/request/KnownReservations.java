package dev.tiketi.payment.request;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.payment.reservation.CopiedReservation;
import dev.tiketi.payment.reservation.ReservationCopy;
import dev.tiketi.web.problem.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reservation a payment is for, from payment-service's own copy: no call to reservation-service.
 * <p>
 * The copy trails reservation-service by the time its outbox takes to publish (milliseconds; SPEC p99 ≤ 500 ms).
 * A buyer who pays an instant after holding, or after changing seats, may be quicker than that; such a payment
 * looks again, with growing pauses, for up to {@code tiketi.payment.reservation-wait}. It waits on the request's
 * virtual thread (Tomcat runs every request on one), which gives its carrier back while asleep, and outside any
 * transaction, each look borrowing a connection only for its one query — so a crowd of early payers holds neither
 * platform threads nor the connection pool.
 * <p>
 * A reservation still unknown after the wait is answered 503 {@code reservation-not-known-yet} with
 * {@code Retry-After}, not 404: the copy cannot tell a reservation that does not exist from one whose event is late
 * (a consumer lagging behind, a restart), and a 404 would tell the buyer to give up a hold that may be real. Nothing
 * was written or charged, so the same request may simply be sent again.
 */
@Component
class KnownReservations {

    /**
     * Pauses between looks: the first short (the event is usually milliseconds away), then doubling up to the cap;
     * each drawn from its upper half, so that a crowd which paid in the same instant does not look in step.
     */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(200);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final ReservationCopy copy;
    private final Duration wait;
    private final Counter arrived;
    private final Counter unknown;

    KnownReservations(ReservationCopy copy, PaymentProperties properties, MeterRegistry meters) {
        this.copy = copy;
        this.wait = properties.reservationWait();
        this.arrived = waits(meters, "arrived");
        this.unknown = waits(meters, "unknown");
    }

    /**
     * The reservation, once the copy knows it as well as this request needs: known at all, and — for the buyer's
     * own hold when the client names an amount — at that amount (a seat change a moment ago may not have arrived
     * yet). When the wait ends with the amount still different, the reservation as copied is returned and the
     * payment rules refuse the mismatch.
     *
     * @throws ApiException 503 {@code reservation-not-known-yet} if the copy still does not know it
     */
    CopiedReservation find(UUID reservationId, UUID userId, Long clientAmount) {
        Optional<CopiedReservation> found = copy.find(reservationId);
        if (settled(found, userId, clientAmount)) {
            return found.get();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = FIRST_PAUSE;
        while (!settled(found, userId, clientAmount)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long jittered = ThreadLocalRandom.current().nextLong(pause.toNanos() / 2, pause.toNanos() + 1);
            sleep(Duration.ofNanos(Math.min(jittered, left)));
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            found = copy.find(reservationId);
        }
        if (found.isEmpty()) {
            unknown.increment();
            throw notYetKnown();
        }
        arrived.increment();
        return found.get();
    }

    private static boolean settled(Optional<CopiedReservation> found, UUID userId, Long clientAmount) {
        if (found.isEmpty()) {
            return false;
        }
        CopiedReservation reservation = found.get();
        return clientAmount == null
                || !reservation.userId().equals(userId)
                || reservation.status() != CopiedReservation.Status.PENDING
                || clientAmount.equals(reservation.totalAmount());
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notYetKnown();
        }
    }

    static ApiException notYetKnown() {
        return ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "reservation-not-known-yet",
                "This reservation has not reached payments yet (it was made a moment ago); nothing was charged. "
                        + "Try again shortly.", RETRY_AFTER);
    }

    /** Prometheus: {@code tiketi_payment_reservation_waits_total{outcome="arrived"|"unknown"}}. */
    private static Counter waits(MeterRegistry meters, String outcome) {
        return Counter.builder("tiketi.payment.reservation.waits")
                .description("Payments that had to wait for their reservation to reach the copy, by how the wait ended")
                .tag("outcome", outcome)
                .register(meters);
    }
}
