package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import dev.tiketi.e2e.Sale.Hold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.tiketi.e2e.Problems.assertProblem;
import static dev.tiketi.e2e.Sale.ANSWER_LOST_CARD;
import static dev.tiketi.e2e.Sale.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An organiser cancels an event mid-sale, through the gateway, with every service, PostgreSQL, Redis and Kafka
 * real: event-service announces it (outbox, event.events), reservation-service cancels every live reservation,
 * payment-service refunds every booking, queue-service closes the waiting room — and a payment whose PG answer
 * was lost while the cancellation ran ends refunded too. Then the audit: no SUCCESS payment without a CONFIRMED
 * booking, no seat SOLD, every booking refunded.
 */
@ExtendWith(PlatformExtension.class)
class EventCancellationE2ETest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(60);

    @Test
    void cancellingAnEventRefundsEveryBookingReleasesEveryHoldAndClosesTheWaitingRoom(PlatformUnderTest platform) {
        Api gateway = platform.gateway();
        Sale sale = Sale.open(platform);
        List<Hold> booked = new ArrayList<>();
        List<String> bookedPayments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Hold hold = sale.hold(i + 1);
            Reply paid = hold.pay(gateway, APPROVED_CARD);
            assertThat(paid.<String>read("$.status")).as(paid.body()).isEqualTo("SUCCESS");
            booked.add(hold);
            bookedPayments.add(paid.read("$.id"));
        }
        await().atMost(CONVERGENCE).until(() -> booked.stream().allMatch(h -> h.reservationStatus(gateway).equals("CONFIRMED")));
        await().atMost(CONVERGENCE).until(() -> sale.soldSeats().size() == 6);
        Hold unpaid = sale.hold(2);
        // the PG's answer is lost: the payment stays PENDING until the reconciler asks the PG, after the cancellation
        Hold inFlight = sale.hold(1);
        Reply pending = inFlight.pay(gateway, ANSWER_LOST_CARD);
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        String inFlightPayment = pending.read("$.id");
        // and a buyer still in the waiting room
        Reply paused = gateway.call("POST", "/api/admin/queue/" + sale.eventId + "/pause").bearer(sale.admin()).send();
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        String waiting = platform.token(UUID.randomUUID(), "USER");
        Reply entered = gateway.post("/api/queue/" + sale.eventId + "/enter", "{}", waiting);
        assertThat(entered.<String>read("$.status")).as(entered.body()).isEqualTo("WAITING");

        Reply cancelled = gateway.post("/api/admin/events/" + sale.eventId + "/cancel", "{}", sale.admin());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.<String>read("$.status")).isEqualTo("CANCELLED");
        for (int i = 0; i < booked.size(); i++) {
            Hold hold = booked.get(i);
            String payment = bookedPayments.get(i);
            await().atMost(CONVERGENCE).until(() -> hold.paymentStatus(gateway, payment).equals("REFUNDED"));
            await().atMost(CONVERGENCE).until(() -> hold.reservationStatus(gateway).equals("REFUNDED"));
            Reply mine = gateway.get("/api/reservations/" + hold.reservationId(), hold.token());
            assertThat(mine.<String>read("$.cancelReason")).isEqualTo("EVENT_CANCELLED");
        }
        await().atMost(CONVERGENCE).until(() -> unpaid.reservationStatus(gateway).equals("CANCELLED"));
        assertThat(gateway.get("/api/reservations/" + unpaid.reservationId(), unpaid.token())
                .<String>read("$.cancelReason")).isEqualTo("EVENT_CANCELLED");
        await().atMost(CONVERGENCE).until(() -> inFlight.paymentStatus(gateway, inFlightPayment).equals("REFUNDED"));
        assertThat(inFlight.reservationStatus(gateway)).isIn("CANCELLED", "REFUNDED");
        await().atMost(CONVERGENCE).untilAsserted(() ->
                assertProblem(gateway.get("/api/queue/" + sale.eventId + "/status", waiting), 409, "queue-closed"));

        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(sale.soldSeats()).isEmpty());
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(sale.heldSeats()).isEmpty());
        SagaAudit audit = new SagaAudit(platform.platform());
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(audit.violations()).isEmpty());

        // what admins see of it, through the gateway
        Reply lookup = gateway.get("/api/admin/reservations?eventId=" + sale.eventId + "&status=PENDING&status=CONFIRMED",
                sale.admin());
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        assertThat(lookup.<Integer>read("$.totalItems")).isZero();
        Reply refunded = gateway.get("/api/admin/reservations?eventId=" + sale.eventId + "&status=REFUNDED", sale.admin());
        assertThat(refunded.<List<String>>read("$.items[*].cancelReason")).hasSize(3).containsOnly("EVENT_CANCELLED");
        Reply sales = gateway.get("/api/admin/reservations/sales?eventId=" + sale.eventId, sale.admin());
        assertThat(sales.status()).as(sales.body()).isEqualTo(200);
        assertThat(sales.<Integer>read("$.today.figures.ticketsSold")).isGreaterThanOrEqualTo(6);
        assertThat(sales.<Integer>read("$.today.figures.netRevenue")).isZero();
        Reply csv = gateway.get("/api/admin/reservations/export?eventId=" + sale.eventId, sale.admin());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().filter(line -> line.contains("EVENT_CANCELLED")).count()).isGreaterThanOrEqualTo(9);
        Reply outcomes = gateway.get("/api/admin/payments/outcomes?eventId=" + sale.eventId, sale.admin());
        assertThat(outcomes.<Integer>read("$.byStatus[1].payments")).as(outcomes.body()).isZero();
        Reply sellThrough = gateway.get("/api/admin/events/" + sale.eventId + "/sell-through", sale.admin());
        assertThat(sellThrough.<Integer>read("$.sold")).isZero();
        String buyer = platform.token(UUID.randomUUID(), "USER");
        assertProblem(gateway.get("/api/admin/reservations/sales", buyer), 403, "access-denied");
        assertProblem(gateway.get("/api/admin/reservations/sales", null), 401, "authentication-required");
    }
}
