package dev.tiketi.reservation.seatmap;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seat status of a sold-out-heavy 50,000-seat event: 45,000 seats sold (CONFIRMED reservations of four
 * seats), 1,000 refunded (no longer sold), 1,000 held. Sizes and times are logged for the record; the content
 * is asserted.
 */
class LargeSeatStatusTest extends ReservationIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LargeSeatStatusTest.class);
    private static final int SEATS = 50_000;
    private static final int SOLD = 45_000;
    private static final int HELD = 1_000;
    private static final int REFUNDED = 1_000;
    private static final int READS = 30;

    @Test
    void aSoldOutHeavyFiftyThousandSeatStatusIsCompleteAndItsCostIsRecorded() {
        TestEvent event = catalog.onSale(SEATS);
        List<UUID> sold = event.seatIds().subList(0, SOLD);
        List<UUID> held = event.seatIds().subList(SOLD, SOLD + HELD);
        reservations(event.id(), sold, "CONFIRMED");
        reservations(event.id(), event.seatIds().subList(SOLD + HELD, SOLD + HELD + REFUNDED), "REFUNDED");
        long heldUntil = Instant.now().plusSeconds(300).toEpochMilli();
        held.forEach(seat -> redis.opsForZSet().add("hold:{" + event.id() + "}:held", seat.toString(), heldUntil));
        UUID viewer = UUID.randomUUID();

        long[] millis = new long[READS];
        HttpResponse<String> status = null;
        for (int i = 0; i < READS; i++) {
            long started = System.nanoTime();
            status = call("GET", "/api/seats/" + event.id() + "/status", viewer, null);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        }

        assertThat(ReservationIntegrationTest.<List<String>>json(status, "$.sold"))
                .hasSize(SOLD).containsExactlyInAnyOrderElementsOf(sold.stream().map(UUID::toString).toList());
        assertThat(ReservationIntegrationTest.<List<String>>json(status, "$.held"))
                .containsExactlyInAnyOrderElementsOf(held.stream().map(UUID::toString).toList());
        byte[] body = status.body().getBytes(StandardCharsets.UTF_8);
        long[] warm = Arrays.copyOfRange(millis, 1, READS);
        Arrays.sort(warm);
        log.info("Seat status, {} seats, {} sold, {} held: {} bytes JSON ({} gzipped); first read {} ms, next {}: "
                        + "median {} ms, max {} ms", SEATS, SOLD, HELD, body.length, gzip(body).length, millis[0],
                READS - 1, warm[warm.length / 2], warm[warm.length - 1]);
    }

    /**
     * Bookings of four seats each, CONFIRMED or REFUNDED, written as the saga leaves them. Confirmed an hour ago,
     * before the sold-marker window: 11,250 sales of "now" in the shared database would make every Redis rebuild
     * of later test classes (RedisRecoveryTest, ConcurrentHoldsTest's flush) put back 11,250 sold markers first.
     */
    private void reservations(UUID eventId, List<UUID> seats, String status) {
        jdbc.sql("""
                        WITH seat AS (SELECT id, (n - 1) / 4 AS booking FROM unnest(CAST(:seats AS uuid[])) WITH ORDINALITY AS s(id, n)),
                             booking AS (SELECT booking, gen_random_uuid() AS id FROM seat GROUP BY booking),
                             confirmed AS (
                                 INSERT INTO reservations (id, user_id, event_id, status, total_amount, hold_expires_at,
                                     event_title, venue_name, hall_name, event_starts_at, event_ends_at, cancel_reason,
                                     was_confirmed, payment_id, created_at, confirmed_at, refunded_at, version, updated_at)
                                 SELECT id, gen_random_uuid(), :event, :status, 400000, now(), 'Stadium', 'Arena',
                                        'Main', now() + interval '30 days', now() + interval '30 days 3 hours',
                                        CASE :status WHEN 'REFUNDED' THEN 'USER_CANCELLED' END, :status = 'REFUNDED',
                                        gen_random_uuid(), now() - interval '1 hour', now() - interval '1 hour',
                                        CASE :status WHEN 'REFUNDED' THEN now() END, 2, now()
                                   FROM booking)
                        INSERT INTO reservation_seats (reservation_id, event_id, seat_id, section, row_label, number,
                                                       grade, price, live)
                        SELECT booking.id, :event, seat.id, 'A', '1', 1, 'VIP', 100000, :status = 'CONFIRMED'
                          FROM seat JOIN booking USING (booking)""")
                .param("seats", seats.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .param("event", eventId)
                .param("status", status)
                .update();
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
