package dev.tiketi.reservation.admin;

import dev.tiketi.reservation.support.ReservationIntegrationTest;
import dev.tiketi.reservation.support.TestCatalog.TestEvent;
import dev.tiketi.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdminReservationsTest extends ReservationIntegrationTest {

    private final String admin = tokens.admin(UUID.randomUUID());

    @Test
    void looksUpByEventBuyerAndStatusNewestFirstInPages() {
        TestEvent event = catalog.onSale(6);
        UUID buyer = UUID.randomUUID();
        UUID first = held(buyer, event.id(), event.seats(0));
        pay(first);
        UUID second = held(buyer, event.id(), event.seats(1, 2));
        UUID third = held(UUID.randomUUID(), event.id(), event.seats(3));

        var byEvent = admin("/api/admin/reservations?eventId=" + event.id() + "&size=2");
        assertThat(byEvent.statusCode()).as(byEvent.body()).isEqualTo(200);
        assertThat((Integer) json(byEvent, "$.totalItems")).isEqualTo(3);
        assertThat((Integer) json(byEvent, "$.totalPages")).isEqualTo(2);
        assertThat(ids(byEvent)).containsExactly(third.toString(), second.toString());
        assertThat(ids(admin("/api/admin/reservations?eventId=" + event.id() + "&size=2&page=1")))
                .containsExactly(first.toString());

        var mine = admin("/api/admin/reservations?userId=" + buyer + "&status=CONFIRMED");
        assertThat(ids(mine)).containsExactly(first.toString());
        assertThat(json(mine, "$.items[0].userId").toString()).isEqualTo(buyer.toString());
        assertThat(json(mine, "$.items[0].paymentId").toString()).isNotBlank();
        assertThat(json(mine, "$.items[0].seats[0].seatId").toString()).isEqualTo(event.seatIds().getFirst().toString());
        assertThat(ids(admin("/api/admin/reservations?userId=" + buyer + "&status=CONFIRMED&status=PENDING")))
                .containsExactly(second.toString(), first.toString());
        assertThat(ids(admin("/api/admin/reservations?eventId=" + event.id() + "&to=2000-01-01T00:00:00Z"))).isEmpty();
        assertThat(ids(admin("/api/admin/reservations?eventId=" + event.id() + "&from=2000-01-01T00:00:00Z"))).hasSize(3);

        var detail = admin("/api/admin/reservations/" + second);
        assertThat(json(detail, "$.status").toString()).isEqualTo("PENDING");
        assertThat(json(detail, "$.userId").toString()).isEqualTo(buyer.toString());
        assertProblem(admin("/api/admin/reservations/" + UUID.randomUUID()), 404, "reservation-not-found");
    }

    @Test
    void badParametersAreProblems() {
        assertProblem(admin("/api/admin/reservations?status=LOST"), 400, "validation-failed");
        assertProblem(admin("/api/admin/reservations?from=yesterday"), 400, "validation-failed");
        assertProblem(admin("/api/admin/reservations?size=101"), 400, "validation-failed");
        assertProblem(admin("/api/admin/reservations?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400,
                "validation-failed");
        assertProblem(admin("/api/admin/reservations/sales?tz=Mars/Olympus"), 400, "validation-failed");
        assertProblem(admin("/api/admin/reservations/sales?tz=%2B09:00"), 400, "validation-failed");
        assertProblem(admin("/api/admin/reservations/sales?from=2026-01-01&to=2026-06-01"), 400, "validation-failed");
        // a missing parameter is Spring MVC's own problem, coded like every other: bad-request
        assertProblem(admin("/api/admin/reservations/export"), 400, "bad-request");
    }

    @Test
    void salesCountTodaysConfirmationsAndRefundsByHourInTheAdminsZone() {
        TestEvent event = catalog.onSale(6);
        UUID booking = held(UUID.randomUUID(), event.id(), event.seats(0, 1));
        pay(booking);
        UUID refunded = held(UUID.randomUUID(), event.id(), event.seats(2));
        pay(refunded);
        assertThat(call("POST", "/api/reservations/" + refunded + "/cancel", userOf(refunded), null).statusCode())
                .isEqualTo(200);
        held(UUID.randomUUID(), event.id(), event.seats(3));

        var sales = admin("/api/admin/reservations/sales?eventId=" + event.id());

        assertThat(sales.statusCode()).as(sales.body()).isEqualTo(200);
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        assertThat(json(sales, "$.timezone").toString()).isEqualTo("Asia/Seoul");
        assertThat(json(sales, "$.today.date").toString()).isEqualTo(today);
        assertThat((Integer) json(sales, "$.today.figures.bookingsSold")).isEqualTo(2);
        assertThat((Integer) json(sales, "$.today.figures.ticketsSold")).isEqualTo(3);
        assertThat((Integer) json(sales, "$.today.figures.revenue")).isEqualTo(300_000);
        assertThat((Integer) json(sales, "$.today.figures.ticketsRefunded")).isEqualTo(1);
        assertThat((Integer) json(sales, "$.today.figures.refunds")).isEqualTo(100_000);
        assertThat((Integer) json(sales, "$.today.figures.netRevenue")).isEqualTo(200_000);
        assertThat((Integer) json(sales, "$.period.ticketsSold")).isEqualTo(3);
        List<String> days = json(sales, "$.daily[*].date");
        assertThat(days).hasSize(30).last().isEqualTo(today);
        List<Integer> hourlyTickets = json(sales, "$.hourly[*].figures.ticketsSold");
        assertThat(hourlyTickets).hasSize(30 * 24);
        assertThat(hourlyTickets.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(json(sales, "$.hourly[0].hour").toString()).endsWith("+09:00");

        var utc = admin("/api/admin/reservations/sales?eventId=" + event.id() + "&tz=UTC&from=" + today + "&to=" + today);
        assertThat((Integer) json(utc, "$.period.ticketsSold")).isLessThanOrEqualTo(3);
        assertThat(json(utc, "$.hourly[0].hour").toString()).endsWith("Z");
    }

    @Test
    void exportsAnEventsBookingsAsCsvForExcel() throws Exception {
        TestEvent event = catalog.onSale(4);
        UUID booking = held(UUID.randomUUID(), event.id(), event.seats(0, 1));
        pay(booking);

        HttpResponse<byte[]> response = TestHttp.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/admin/reservations/export?eventId=" + event.id()))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("attachment").contains("reservations-" + event.id() + ".csv"));
        byte[] body = response.body();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = List.of(new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo(String.join(",", BookingsCsv.HEADER));
        assertThat(lines.get(1)).startsWith(booking + ",CONFIRMED,,").endsWith(",100000");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(BookingsCsv.quoted("A")).isEqualTo("A");
        assertThat(BookingsCsv.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(BookingsCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(BookingsCsv.quoted("=cmd()")).isEqualTo("'=cmd()");
    }

    @Test
    void onlyAdminsMayLookUp() {
        UUID user = UUID.randomUUID();
        for (String path : List.of("/api/admin/reservations", "/api/admin/reservations/" + UUID.randomUUID(),
                "/api/admin/reservations/sales", "/api/admin/reservations/export?eventId=" + UUID.randomUUID())) {
            assertProblem(call("GET", path, user, null), 403, "access-denied");
            assertProblem(call("GET", path, null, null), 401, "authentication-required");
        }
    }

    private HttpResponse<String> admin(String path) {
        return TestHttp.call(URI.create("http://localhost:" + port + path), "GET", admin, null);
    }

    private static List<String> ids(HttpResponse<String> response) {
        return json(response, "$.items[*].id");
    }

    private UUID userOf(UUID reservation) {
        return jdbc.sql("SELECT user_id FROM reservations WHERE id = :id").param("id", reservation)
                .query(UUID.class).single();
    }
}
