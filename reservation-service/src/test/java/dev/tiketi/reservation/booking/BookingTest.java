package dev.tiketi.reservation.booking;

import dev.tiketi.reservation.hold.HoldKeys;
import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A buyer's holds and bookings after the hold: change seats, release, list, detail, cancel, and nobody else's. */
class BookingTest extends ReservationIntegrationTest {

    private final UUID buyer = UUID.randomUUID();

    @Test
    void changingSeatsGivesBackTheOldTakesTheNewAndKeepsTheReservationAndItsExpiry() throws Exception {
        TestEvent event = catalog.onSale(10);
        var held = hold(buyer, event.id(), event.seats(0, 1));
        UUID id = UUID.fromString(json(held, "$.reservation.id"));
        Thread.sleep(20);

        var changed = call("PUT", "/api/reservations/" + id + "/seats", buyer,
                "{\"seatIds\":" + jsonIds(event.seats(1, 2, 3)) + "}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed, "$.id").toString()).isEqualTo(id.toString());
        assertThat(json(changed, "$.status").toString()).isEqualTo("PENDING");
        assertThat(json(changed, "$.totalAmount").toString()).isEqualTo("300000");
        assertThat(json(changed, "$.holdExpiresAt").toString()).as("a change does not extend the hold")
                .isEqualTo(json(held, "$.reservation.holdExpiresAt").toString());
        assertThat(liveSeats(event.id())).isEqualTo(Map.of(event.seatIds().get(1), id, event.seatIds().get(2), id,
                event.seatIds().get(3), id));
        assertThat(outbox(id)).containsExactly("ReservationHeld v1", "ReservationHeld v2");
        assertThat(lastOutboxPayload(id)).as("what payment-service's copy of the reservation takes from it")
                .containsEntry("totalAmount", 300000).containsEntry("eventTitle", "Test concert");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(heldInRedis(event.id()))
                .containsExactlyInAnyOrderElementsOf(event.seats(1, 2, 3).stream().map(UUID::toString).toList()));
        assertThat(redis.hasKey(HoldKeys.seat(event.id(), event.seatIds().getFirst()))).isFalse();
        held(UUID.randomUUID(), event.id(), event.seats(0));
    }

    @Test
    void aChangeToASeatSomeoneElseHoldsIsRefusedAndTheHoldStaysAsItWas() {
        TestEvent event = catalog.onSale(10);
        UUID mine = held(buyer, event.id(), event.seats(0, 1));
        UUID theirs = held(UUID.randomUUID(), event.id(), event.seats(2));

        assertProblem(call("PUT", "/api/reservations/" + mine + "/seats", buyer,
                "{\"seatIds\":" + jsonIds(event.seats(1, 2, 3)) + "}"), 409, "seats-unavailable");
        assertProblem(call("PUT", "/api/reservations/" + mine + "/seats", buyer,
                "{\"seatIds\":" + jsonIds(event.seats(4, 5, 6, 7, 8)) + "}"), 400, "validation-failed");

        assertThat(liveSeats(event.id())).isEqualTo(Map.of(event.seatIds().get(0), mine, event.seatIds().get(1), mine,
                event.seatIds().get(2), theirs));
        assertThat(heldInRedis(event.id())).containsExactlyInAnyOrderElementsOf(
                event.seats(0, 1, 2).stream().map(UUID::toString).toList());
        assertThat(outbox(mine)).containsExactly("ReservationHeld v1");
    }

    @Test
    void releasingAHoldCancelsItAndFreesItsSeatsAtOnce() {
        TestEvent event = catalog.onSale(10);
        UUID id = held(buyer, event.id(), event.seats(0, 1));

        assertThat(call("DELETE", "/api/reservations/" + id, buyer, null).statusCode()).isEqualTo(204);

        var detail = call("GET", "/api/reservations/" + id, buyer, null);
        assertThat(json(detail, "$.status").toString()).isEqualTo("CANCELLED");
        assertThat(json(detail, "$.cancelReason").toString()).isEqualTo("USER_RELEASED");
        assertThat(outbox(id)).containsExactly("ReservationHeld v1", "ReservationCancelled v2");
        assertThat(lastOutboxPayload(id)).containsEntry("reason", "USER_RELEASED").containsEntry("wasConfirmed", false);
        assertThat(liveSeats(event.id())).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(heldInRedis(event.id())).isEmpty());
        assertProblem(call("DELETE", "/api/reservations/" + id, buyer, null), 409, "reservation-not-pending");
        held(buyer, event.id(), event.seats(0, 1));
    }

    @Test
    void myReservationsNewestFirstWithTheEventAsItWasWhenHeldWithoutAskingEventService() {
        TestEvent first = catalog.onSale(4);
        TestEvent second = catalog.onSale(4);
        UUID older = held(buyer, first.id(), first.seats(0));
        UUID newer = held(buyer, second.id(), second.seats(1, 2));
        held(UUID.randomUUID(), first.id(), first.seats(3));
        catalog.rename(first.id(), "Renamed concert");
        catalog.rename(second.id(), "Renamed concert");

        var page = call("GET", "/api/reservations?size=1", buyer, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(json(page, "$.totalItems").toString()).isEqualTo("2");
        assertThat(json(page, "$.totalPages").toString()).isEqualTo("2");
        assertThat(json(page, "$.items[0].id").toString()).isEqualTo(newer.toString());
        assertThat(json(page, "$.items[0].event.title").toString()).isEqualTo("Test concert");
        assertThat(json(page, "$.items[0].event.venueName").toString()).isEqualTo("KSPO DOME");
        assertThat(json(page, "$.items[0].event.startsAt").toString()).isNotBlank();
        assertThat(json(page, "$.items[0].seats.length()").toString()).isEqualTo("2");
        var next = call("GET", "/api/reservations?page=1&size=1", buyer, null);
        assertThat(json(next, "$.items[0].id").toString()).isEqualTo(older.toString());

        var detail = call("GET", "/api/reservations/" + older, buyer, null);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(json(detail, "$.seats[0].seatId").toString()).isEqualTo(first.seatIds().getFirst().toString());
        assertProblem(call("GET", "/api/reservations?size=101", buyer, null), 400, "validation-failed");
    }

    @Test
    void anotherBuyersReservationIsNotFoundAndStaysAsItIs() {
        TestEvent event = catalog.onSale(10);
        UUID id = held(buyer, event.id(), event.seats(0, 1));
        UUID stranger = UUID.randomUUID();

        assertProblem(call("GET", "/api/reservations/" + id, stranger, null), 404, "reservation-not-found");
        assertProblem(call("PUT", "/api/reservations/" + id + "/seats", stranger,
                "{\"seatIds\":" + jsonIds(event.seats(2)) + "}"), 404, "reservation-not-found");
        assertProblem(call("DELETE", "/api/reservations/" + id, stranger, null), 404, "reservation-not-found");
        assertProblem(call("POST", "/api/reservations/" + id + "/cancel", stranger, null), 404, "reservation-not-found");
        assertProblem(call("GET", "/api/reservations/" + UUID.randomUUID(), buyer, null), 404, "reservation-not-found");
        assertThat(json(call("GET", "/api/reservations", stranger, null), "$.totalItems").toString()).isEqualTo("0");

        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(liveSeats(event.id())).containsOnlyKeys(event.seats(0, 1));
        assertThat(outbox(id)).containsExactly("ReservationHeld v1");
    }

    @Test
    void aConfirmedBookingIsCancelledUntilTheDayBeforeTheEventAndItsSeatsGoBackOnSale() {
        TestEvent event = catalog.onSale(10);
        UUID id = held(buyer, event.id(), event.seats(0, 1));
        assertProblem(call("POST", "/api/reservations/" + id + "/cancel", buyer, null), 409, "reservation-not-confirmed");
        pay(id);

        var cancelled = call("POST", "/api/reservations/" + id + "/cancel", buyer, null);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled, "$.status").toString()).isEqualTo("CANCELLED");
        assertThat(json(cancelled, "$.cancelReason").toString()).isEqualTo("USER_CANCELLED");
        assertThat(json(cancelled, "$.wasConfirmed").toString()).isEqualTo("true");
        assertThat(outbox(id)).containsExactly("ReservationHeld v1", "ReservationConfirmed v2", "ReservationCancelled v3");
        assertThat(lastOutboxPayload(id)).containsEntry("reason", "USER_CANCELLED").containsEntry("wasConfirmed", true);
        assertThat(liveSeats(event.id())).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(redis.hasKey(HoldKeys.seat(event.id(), event.seatIds().getFirst()))).as("sold marker gone").isFalse());
        held(UUID.randomUUID(), event.id(), event.seats(0, 1));
        assertProblem(call("POST", "/api/reservations/" + id + "/cancel", buyer, null), 409, "reservation-not-confirmed");
    }

    @Test
    void aBookingCannotBeCancelledOnTheEventDay() {
        TestEvent event = catalog.onSale(10, Instant.now());
        UUID id = held(buyer, event.id(), event.seats(0));
        pay(id);

        HttpResponse<String> refused = call("POST", "/api/reservations/" + id + "/cancel", buyer, null);

        assertProblem(refused, 409, "cancellation-closed");
        assertThat(status(id)).isEqualTo("CONFIRMED");
        assertThat(liveSeats(event.id())).containsOnlyKeys(List.of(event.seatIds().getFirst()));
    }
}
