package dev.tiketi.reservation.booking;

import com.zaxxer.hikari.HikariDataSource;
import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads outside a transaction give their connection back: many more reads than the pool has connections all
 * answer, and the pool ends with none in use (a leak once left the service without connections after twenty
 * polls of a reservation).
 */
class ConnectionUseTest extends ReservationIntegrationTest {

    @Autowired
    HikariDataSource pool;

    @Test
    void readingReservationsReturnsEveryConnection() {
        UUID buyer = UUID.randomUUID();
        TestEvent event = catalog.onSale(2);
        UUID id = held(buyer, event.id(), event.seats(0, 1));
        int reads = 3 * pool.getMaximumPoolSize();

        for (int i = 0; i < reads; i++) {
            assertThat(call("GET", "/api/reservations/" + id, buyer, null).statusCode()).isEqualTo(200);
            assertThat(call("GET", "/api/reservations", buyer, null).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero());
    }
}
