package dev.tiketi.reservation.expiry;

import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.reservation.hold.HoldKeys;
import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.Upstreams;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Holds of two seconds, so that the real job (every second) expires them while the test watches. */
@TestPropertySource(properties = "tiketi.reservation.hold-ttl=2s")
class ExpiryTest extends ReservationIntegrationTest {

    @Autowired
    Expiries expiries;

    @Test
    void anUnpaidHoldExpiresItsSeatsAreFreeAndTheBuyersQueueSlotIsReleased() {
        UUID buyer = UUID.randomUUID();
        TestEvent event = catalog.onSale(4);
        UUID id = held(buyer, event.id(), event.seats(0, 1));
        assertThat(liveSeats(event.id())).hasSize(2);

        await().atMost(Duration.ofSeconds(6)).until(() -> status(id).equals("EXPIRED"));

        assertThat(liveSeats(event.id())).isEmpty();
        assertThat(outbox(id)).containsExactly("ReservationHeld v1", "ReservationExpired v2");
        assertThat(lastOutboxPayload(id)).containsEntry("seatIds",
                List.of(event.seatIds().get(0).toString(), event.seatIds().get(1).toString()));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(upstreams.releasedSlots()).contains(new Upstreams.Admission(buyer, event.id()));
            assertThat(redis.hasKey(HoldKeys.seat(event.id(), event.seatIds().getFirst()))).isFalse();
            assertThat(heldInRedis(event.id())).isEmpty();
        });
        var detail = call("GET", "/api/reservations/" + id, buyer, null);
        assertThat(json(detail, "$.status").toString()).isEqualTo("EXPIRED");
        assertThat(json(detail, "$.expiredAt").toString()).isNotBlank();
        held(UUID.randomUUID(), event.id(), event.seats(0, 1));
    }

    @Test
    void aPaymentThatArrivesAfterTheHoldExpiredIsRejectedEvenIfApprovedInTime() {
        UUID buyer = UUID.randomUUID();
        TestEvent event = catalog.onSale(4);
        UUID id = held(buyer, event.id(), event.seats(0));
        Instant approvedInTime = Instant.now();
        await().atMost(Duration.ofSeconds(6)).until(() -> status(id).equals("EXPIRED"));

        awaitProcessed(publish(new PaymentSucceeded(UUID.randomUUID(), id, buyer, 100_000, "SIMULATED", approvedInTime)));

        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(outbox(id)).containsExactly("ReservationHeld v1", "ReservationExpired v2", "ReservationPaymentRejected v2");
        assertThat(lastOutboxPayload(id)).containsEntry("reason", "RESERVATION_EXPIRED");
    }

    @Test
    void expiriesRunningSideBySideExpireEachHoldExactlyOnce() throws Exception {
        TestEvent event = catalog.onSale(40);
        List<UUID> holds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            holds.add(held(UUID.randomUUID(), event.id(), event.seats(i)));
        }
        Thread.sleep(2_000);

        // four "instances" at once, besides the scheduled job of this one
        IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(expiries::expireDue)).toList()
                .forEach(CompletableFuture::join);

        await().atMost(Duration.ofSeconds(5)).until(() -> holds.stream().allMatch(id -> status(id).equals("EXPIRED")));
        for (UUID id : holds) {
            assertThat(outbox(id)).as("expired once").containsExactly("ReservationHeld v1", "ReservationExpired v2");
        }
        assertThat(liveSeats(event.id())).isEmpty();
    }
}
