package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flash sale in miniature: 2,000 hold attempts by 2,000 buyers on 50 seats from 64 threads, and Redis loses
 * every hold halfway through. The database must still end with every seat in exactly one live reservation:
 * the one whose hold the buyer was told succeeded.
 */
class ConcurrentHoldsTest extends ReservationIntegrationTest {

    private static final int SEATS = 50;
    private static final int ATTEMPTS = 2_000;
    private static final int THREADS = 64;

    @Autowired
    MeterRegistry meters;

    private record Attempt(int status, UUID reservationId, List<UUID> seats) {
    }

    @Test
    void noSeatEverEndsInTwoLiveReservationsEvenWhenRedisIsFlushedMidSale() throws Exception {
        TestEvent event = catalog.onSale(SEATS);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<List<UUID>> wishes = IntStream.range(0, ATTEMPTS).mapToObj(i -> {
            List<UUID> shuffled = new ArrayList<>(event.seatIds());
            Collections.shuffle(shuffled, random);
            return List.copyOf(shuffled.subList(0, 1 + random.nextInt(4)));
        }).toList();
        double blockedBefore = oversellBlocked();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger flushedAfter = new AtomicInteger(-1);

        List<Future<Attempt>> futures = new ArrayList<>();
        try (ExecutorService buyers = Executors.newFixedThreadPool(THREADS)) {
            for (List<UUID> wish : wishes) {
                futures.add(buyers.submit(() -> {
                    HttpResponse<String> response = hold(UUID.randomUUID(), event.id(), wish);
                    if (finished.incrementAndGet() == ATTEMPTS / 2) {
                        redis.execute((RedisCallback<Void>) connection -> {
                            connection.serverCommands().flushAll();
                            return null;
                        });
                        flushedAfter.set(finished.get());
                    }
                    return new Attempt(response.statusCode(),
                            response.statusCode() == 201 ? UUID.fromString(json(response, "$.reservation.id")) : null, wish);
                }));
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Future<Attempt> future : futures) {
            attempts.add(future.get());
        }

        assertThat(flushedAfter.get()).as("Redis was flushed mid-sale").isPositive();
        assertThat(attempts).extracting(Attempt::status).as("seed %d", seed).containsOnly(201, 409);
        List<Attempt> won = attempts.stream().filter(attempt -> attempt.status() == 201).toList();
        Map<UUID, UUID> promised = new HashMap<>();
        won.forEach(attempt -> attempt.seats().forEach(seat ->
                assertThat(promised.put(seat, attempt.reservationId())).as("seat %s promised twice; seed %d", seat, seed).isNull()));

        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT seat_id FROM reservation_seats WHERE event_id = :eventId AND live
                                               GROUP BY seat_id HAVING count(*) > 1) twice""")
                .param("eventId", event.id()).query(Long.class).single()).as("seats in two live reservations").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM reservation_seats WHERE event_id = :eventId AND live")
                .param("eventId", event.id()).query(Long.class).single()).isEqualTo(SEATS);
        assertThat(liveSeats(event.id())).as("exactly the seats each winner was told they hold").isEqualTo(promised);
        assertThat(promised).hasSize(SEATS);
        assertThat(jdbc.sql("SELECT count(*) FROM reservations WHERE event_id = :eventId AND status = 'PENDING'")
                .param("eventId", event.id()).query(Long.class).single()).isEqualTo(won.size());
        assertThat(jdbc.sql("SELECT count(*) FROM reservations WHERE event_id = :eventId")
                .param("eventId", event.id()).query(Long.class).single()).as("no reservation for a refused hold")
                .isEqualTo(won.size());
        assertThat(oversellBlocked() - blockedBefore).as("after the flush the database refused what Redis let through")
                .isPositive();
    }

    private double oversellBlocked() {
        return meters.get("tiketi.reservation.oversell.blocked").counter().count();
    }
}
