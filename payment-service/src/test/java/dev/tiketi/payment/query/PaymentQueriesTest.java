package dev.tiketi.payment.query;

import dev.tiketi.payment.gateway.simulated.SimulatedCards;
import dev.tiketi.payment.support.TestReservation;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentQueriesTest extends PaymentIntegrationTest {

    @Test
    void aBuyerListsTheirOwnPaymentsNewestFirstPageByPage() {
        Buyer buyer = buyer();
        UUID first = paid(buyer);
        UUID second = paid(sameBuyerNewReservation(buyer));
        UUID third = UUID.fromString(text(pay(sameBuyerNewReservation(buyer), newKey(), SimulatedCards.DECLINE), "$.id"));
        paid(buyer());

        var page0 = get("/api/payments?size=2", tokens.user(buyer.userId()));
        var page1 = get("/api/payments?size=2&page=1", tokens.user(buyer.userId()));

        assertThat(page0.statusCode()).as(page0.body()).isEqualTo(200);
        assertThat(ids(page0)).containsExactly(third.toString(), second.toString());
        assertThat(ids(page1)).containsExactly(first.toString());
        assertThat(json(page0, "$.totalElements")).isEqualTo(3);
        assertThat(json(page0, "$.totalPages")).isEqualTo(2);
        assertProblem(get("/api/payments?size=1000", tokens.user(buyer.userId())), 400, "validation-failed");
        assertProblem(get("/api/payments?page=-1", tokens.user(buyer.userId())), 400, "validation-failed");
    }

    @Test
    void aPaymentIsVisibleToItsOwnerOnlyOthersGetA404() {
        Buyer buyer = buyer();
        UUID paymentId = paid(buyer);

        var own = get("/api/payments/" + paymentId, tokens.user(buyer.userId()));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own, "$.status").toString()).isEqualTo("SUCCESS");
        assertThat(json(own, "$.reservationId").toString()).isEqualTo(buyer.reservation().id().toString());

        assertProblem(get("/api/payments/" + paymentId, tokens.user(UUID.randomUUID())), 404, "payment-not-found");
        assertProblem(get("/api/payments/" + UUID.randomUUID(), tokens.user(buyer.userId())), 404, "payment-not-found");
        assertProblem(get("/api/payments/not-a-uuid", tokens.user(buyer.userId())), 400, "validation-failed");
        assertProblem(get("/api/payments/" + paymentId, null), 401, "authentication-required");
    }

    @Test
    void adminsSearchPaymentsByReservationUserAndStatus() {
        Buyer buyer = buyer();
        UUID success = paid(buyer);
        Buyer declined = buyer();
        UUID failed = UUID.fromString(text(pay(declined, newKey(), SimulatedCards.DECLINE), "$.id"));
        String admin = tokens.admin(UUID.randomUUID());

        var byReservation = get("/api/admin/payments?reservationId=" + buyer.reservation().id(), admin);
        assertThat(byReservation.statusCode()).as(byReservation.body()).isEqualTo(200);
        assertThat(json(byReservation, "$.content[*].id").toString()).contains(success.toString());
        assertThat(json(byReservation, "$.totalElements")).isEqualTo(1);

        var byUserAndStatus = get("/api/admin/payments?userId=" + declined.userId() + "&status=FAILED", admin);
        assertThat(json(byUserAndStatus, "$.content[*].id").toString()).contains(failed.toString());
        assertThat(json(byUserAndStatus, "$.content[0].userId").toString()).isEqualTo(declined.userId().toString());
        var none = get("/api/admin/payments?userId=" + declined.userId() + "&status=SUCCESS", admin);
        assertThat(json(none, "$.totalElements")).isEqualTo(0);

        assertProblem(get("/api/admin/payments?status=PAID", admin), 400, "validation-failed");
        assertProblem(get("/api/admin/payments", tokens.user(buyer.userId())), 403, "access-denied");
    }

    private static List<String> ids(java.net.http.HttpResponse<String> page) {
        return com.jayway.jsonpath.JsonPath.read(page.body(), "$.content[*].id");
    }

    /** Another held reservation of the same buyer for the same event, with its own payment token. */
    private Buyer sameBuyerNewReservation(Buyer buyer) {
        var reservation = TestReservation.of(buyer.userId(), buyer.reservation().eventId(), 2 * PRICE,
                Instant.now().plusSeconds(300), "IU Concert 2030");
        copy(reservation.held(), 1);
        return new Buyer(buyer.userId(), reservation, paymentToken(reservation));
    }
}
