package dev.tiketi.event.status;

import dev.tiketi.event.CatalogIntegrationTest;
import dev.tiketi.event.catalog.SeatsChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's job run by hand against a moving clock: every transition, no sleeping. */
class EventStatusJobTest extends CatalogIntegrationTest {

    @Autowired
    EventStatusJob job;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEventMovesFromUpcomingToOnSaleToEndedAsTimePasses() {
        String id = createEvent(createHall(), inDays(2));
        UUID eventId = UUID.fromString(id);
        long before = changes.count(eventId);

        job.run();
        assertThat(status(id)).isEqualTo("UPCOMING");

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(job.run()).contains(eventId);
        assertThat(status(id)).isEqualTo("ON_SALE");
        assertThat(changes.count(eventId)).isEqualTo(before + 1);

        assertThat(job.run()).doesNotContain(eventId);
        assertThat(changes.count(eventId)).isEqualTo(before + 1);

        clock.advance(Duration.ofDays(10));
        assertThat(job.run()).contains(eventId);
        assertThat(status(id)).isEqualTo("ENDED");
        assertThat(changes.count(eventId)).isEqualTo(before + 2);
    }

    @Test
    void anUpcomingEventWhoseWholeSaleWasMissedEndsDirectly() {
        String id = createEvent(createHall(), inDays(2));
        clock.advance(Duration.ofDays(30));
        job.run();
        assertThat(status(id)).isEqualTo("ENDED");
    }

    @Test
    void sellingOutAndSeatsComingBack() {
        String id = createEvent(createHall(), inDays(-1));
        UUID eventId = UUID.fromString(id);

        setAvailable(id, 0);
        job.run();
        assertThat(status(id)).isEqualTo("SOLD_OUT");

        setAvailable(id, 2);
        job.run();
        assertThat(status(id)).isEqualTo("ON_SALE");

        setAvailable(id, 0);
        job.run();
        clock.advance(Duration.ofDays(30));
        assertThat(job.run()).contains(eventId);
        assertThat(status(id)).isEqualTo("ENDED");
    }

    @Test
    void seatsChangedSellsOutInTheSameTransactionWithoutWaitingForTheScheduler() {
        String id = createEvent(createHall(), inDays(-1));
        UUID eventId = UUID.fromString(id);
        long before = changes.count(eventId);

        transactions.executeWithoutResult(tx -> {
            jdbc.update("UPDATE events SET available_count = 0 WHERE id = ?::uuid", id);
            publisher.publishEvent(new SeatsChanged(eventId));
        });
        assertThat(status(id)).isEqualTo("SOLD_OUT");
        assertThat(changes.count(eventId)).isEqualTo(before + 1);

        transactions.executeWithoutResult(tx -> {
            jdbc.update("UPDATE events SET available_count = 1 WHERE id = ?::uuid", id);
            publisher.publishEvent(new SeatsChanged(eventId));
        });
        assertThat(status(id)).isEqualTo("ON_SALE");
    }

    @Test
    void cancelledEventsNeverMove() {
        String id = createEvent(createHall(), inDays(1));
        assertStatus(post("/api/admin/events/" + id + "/cancel", "", admin), 200);
        clock.advance(Duration.ofDays(2));
        assertThat(job.run()).doesNotContain(UUID.fromString(id));
        clock.advance(Duration.ofDays(60));
        job.run();
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void twoInstancesRunningAtOnceChangeEachEventOnce() throws Exception {
        String first = createEvent(createHall(), inDays(1));
        String second = createEvent(createHall(), inDays(1));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        long before = changes.count(UUID.fromString(first)) + changes.count(UUID.fromString(second));

        try (var executor = Executors.newFixedThreadPool(2)) {
            var a = executor.submit(job::run);
            var b = executor.submit(job::run);
            a.get();
            b.get();
        }

        assertThat(status(first)).isEqualTo("ON_SALE");
        assertThat(status(second)).isEqualTo("ON_SALE");
        assertThat(changes.count(UUID.fromString(first)) + changes.count(UUID.fromString(second))).isEqualTo(before + 2);
    }

    private void setAvailable(String id, int available) {
        jdbc.update("UPDATE events SET available_count = ? WHERE id = ?::uuid", available, id);
    }
}
