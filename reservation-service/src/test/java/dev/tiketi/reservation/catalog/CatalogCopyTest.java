package dev.tiketi.reservation.catalog;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import dev.tiketi.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The copy of the catalog is built from event.events alone, over real Kafka and PostgreSQL, and rebuilt the same. */
class CatalogCopyTest extends ReservationIntegrationTest {

    @Test
    void aFiftyThousandSeatEventArrivesInPartsAndIsHeldFromTheCopy() {
        TestEvent event = catalog.onSale(50_000);

        assertThat(seatsOf(event.id())).isEqualTo(50_000);
        assertThat(jdbc.sql("SELECT seats_copied FROM catalog_events WHERE event_id = :id").param("id", event.id())
                .query(Integer.class).single()).isEqualTo(50_000);
        var held = hold(UUID.randomUUID(), event.id(), event.seats(0, 49_999));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        assertThat(json(held, "$.reservation.totalAmount").toString()).isEqualTo("200000");
        assertThat(json(held, "$.reservation.seats[1].row").toString()).isEqualTo("2500");
    }

    @Test
    void aPriceChangeReachesTheCopyAndTheNextHoldButAnOlderEventNeverWinsAgain() {
        TestEvent event = catalog.onSale(4);
        long version = catalog.reprice(event, 120_000);
        catalog.awaitCopied(event.id(), version);
        await().atMost(Duration.ofSeconds(10)).until(() -> pricesOf(event.id()).equals(List.of(120_000L)));

        var held = hold(UUID.randomUUID(), event.id(), event.seats(1));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        assertThat(json(held, "$.reservation.totalAmount").toString()).isEqualTo("120000");

        // a late duplicate of the creation (version 1) with its seats at the old price changes nothing; the rename
        // behind it on the event's partition shows it has been read
        catalog.resendCreation(event, 100_000);
        catalog.rename(event.id(), "Renamed concert");
        assertThat(pricesOf(event.id())).containsExactly(120_000L);
        assertThat(jdbc.sql("SELECT title FROM catalog_events WHERE event_id = :id").param("id", event.id())
                .query(String.class).single()).isEqualTo("Renamed concert");
    }

    @Test
    void rebuildingReplaysTheTopicIntoTheSameCopy() {
        TestEvent big = catalog.onSale(5_000);
        TestEvent repriced = catalog.onSale(3);
        catalog.awaitCopied(repriced.id(), catalog.reprice(repriced, 90_000));
        TestEvent cancelled = catalog.onSale(2);
        catalog.cancel(cancelled.id());
        List<String> before = dump();

        var size = actuator("GET");
        assertThat(size.statusCode()).as(size.body()).isEqualTo(200);
        var rebuilt = actuator("POST");

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(rebuilt.body(), "$.size.seats")).isGreaterThanOrEqualTo(5_005);
        assertThat(dump()).isEqualTo(before);
        assertThat(pricesOf(repriced.id())).containsExactly(90_000L);
        assertThat(seatsOf(big.id())).isEqualTo(5_000);
        assertProblem(hold(UUID.randomUUID(), cancelled.id(), cancelled.seats(0)), 409, "event-not-on-sale");
        var held = hold(UUID.randomUUID(), big.id(), big.seats(4_999));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
    }

    @Test
    void onlyAnAdminMayRebuild() {
        var asUser = TestHttp.call(URI.create("http://localhost:" + port + "/actuator/catalog"), "POST",
                tokens.user(UUID.randomUUID()), null);
        assertThat(asUser.statusCode()).isEqualTo(403);
        var anonymous = TestHttp.call(URI.create("http://localhost:" + port + "/actuator/catalog"), "POST", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** Every row of the copy, in key order, as text. */
    private List<String> dump() {
        List<String> rows = new java.util.ArrayList<>(jdbc.sql("""
                        SELECT concat_ws('|', event_id, version, title, venue_name, hall_name, starts_at, ends_at,
                                         sale_starts_at, sale_ends_at, status, seat_count, seats_copied)
                          FROM catalog_events ORDER BY event_id""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT concat_ws('|', event_id, seat_id, version, section, row_label, number, grade, price)
                          FROM catalog_seats ORDER BY event_id, seat_id""").query(String.class).list());
        return rows;
    }

    private java.net.http.HttpResponse<String> actuator(String method) {
        return TestHttp.call(URI.create("http://localhost:" + port + "/actuator/catalog"), method,
                tokens.admin(UUID.randomUUID()), null);
    }

    private long seatsOf(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM catalog_seats WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private List<Long> pricesOf(UUID eventId) {
        return jdbc.sql("SELECT DISTINCT price FROM catalog_seats WHERE event_id = :id ORDER BY price")
                .param("id", eventId).query(Long.class).list();
    }
}
