package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis loses its data mid-sale: without anyone's help, the live holds and the sold markers come back from the
 * database within a few seconds. Payment tokens need nothing: they are signed.
 */
class RedisRecoveryTest extends ReservationIntegrationTest {

    @Autowired
    RedisRecovery recovery;

    @Test
    void afterAFlushLiveHoldsAndSalesAreRebuiltFromTheDatabase() {
        TestEvent event = catalog.onSale(10);
        UUID holder = UUID.randomUUID();
        var holding = hold(holder, event.id(), event.seats(0, 1));
        assertThat(holding.statusCode()).as(holding.body()).isEqualTo(201);
        UUID sold = held(UUID.randomUUID(), event.id(), event.seats(2));
        jdbc.sql("""
                        UPDATE reservations SET status = 'CONFIRMED', confirmed_at = now(), payment_id = :paymentId
                         WHERE id = :id""")
                .param("paymentId", UUID.randomUUID()).param("id", sold).update();
        UUID releaser = UUID.randomUUID();
        UUID released = held(releaser, event.id(), event.seats(3));
        assertThat(call("DELETE", "/api/reservations/" + released, releaser, null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.hasKey(RedisRecovery.MARKER));

        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
        assertThat(heldInRedis(event.id())).isEmpty();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(heldInRedis(event.id())).containsExactlyInAnyOrder(
                    event.seats(0, 1).stream().map(UUID::toString).toArray(String[]::new));
            assertThat(redis.opsForValue().get(HoldKeys.seat(event.id(), event.seats(2).getFirst())))
                    .isEqualTo("sold:" + sold);
        });
        assertThat(redis.getExpire(HoldKeys.seat(event.id(), event.seats(0).getFirst())))
                .as("the hold keeps its own end").isBetween(280L, 300L);
        assertThat(redis.hasKey(HoldKeys.seat(event.id(), event.seats(3).getFirst()))).as("released: stays free").isFalse();
        assertThat(redis.getExpire(HoldKeys.buyerHold(event.id(), holder)))
                .as("the buyer's hold marker is back, with the hold's end").isBetween(280L, 300L);
        assertProblem(hold(holder, event.id(), event.seats(0, 1)), 409, "hold-exists");
        assertProblem(hold(UUID.randomUUID(), event.id(), event.seats(1)), 409, "seats-unavailable");
        assertProblem(hold(UUID.randomUUID(), event.id(), event.seats(2)), 409, "seats-unavailable");
        assertThat(hold(UUID.randomUUID(), event.id(), event.seats(3)).statusCode()).isEqualTo(201);
    }

    @Test
    void nothingIsRebuiltWhileTheMarkerIsThere() {
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.hasKey(RedisRecovery.MARKER));
        assertThat(recovery.rebuildIfLost()).isFalse();
    }
}
