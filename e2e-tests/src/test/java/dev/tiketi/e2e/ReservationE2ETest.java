package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import dev.tiketi.serviceauth.BuyerTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.tiketi.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holding seats through the gateway against the real services: an admin puts an event on sale and lets its
 * waiting room admit quickly, a buyer queues, is admitted, holds seats with the admission token (and gets a
 * payment token signed for the reservation), changes them and gives them back, and once they leave the waiting
 * room their admission holds nothing more; while another signed-in user
 * watches the seat map's live stream; and the whole saga with payment-service and event-service: paid,
 * confirmed, sold in the catalog, cancelled, refunded, back on sale; and a hold nobody pays for running out
 * (the platform under test holds seats for 30 s).
 */
@ExtendWith(PlatformExtension.class)
class ReservationE2ETest {

    @Test
    void anAdmittedBuyerHoldsChangesAndReleasesSeatsWhileTheSeatMapWatches(PlatformUnderTest platform) {
        Api gateway = platform.gateway();
        String admin = platform.token(UUID.randomUUID(), "ADMIN");
        UUID buyer = UUID.randomUUID();
        String buyerToken = platform.token(buyer, "USER");
        String viewerToken = platform.token(UUID.randomUUID(), "USER");
        String strangerToken = platform.token(UUID.randomUUID(), "USER");
        String eventId = eventOnSale(gateway, admin);
        List<String> seats = seatIds(gateway, eventId);
        assertThat(seats).hasSize(12);

        // skipping the queue must fail: no admission, no hold
        assertProblem(gateway.post("/api/reservations", holdRequest(eventId, seats.subList(0, 1), "qr_made-up"), buyerToken),
                403, "admission-token-invalid");
        String admission = admitted(gateway, admin, eventId, buyerToken);

        SeatStream stream = SeatStream.open(gateway, "/api/seats/" + eventId + "/stream", viewerToken);
        try {
            stream.await("snapshot", "\"held\":[]");

            Reply held = gateway.post("/api/reservations", holdRequest(eventId, seats.subList(0, 2), admission), buyerToken);
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            String id = held.read("$.reservation.id");
            assertThat(held.<String>read("$.reservation.status")).isEqualTo("PENDING");
            assertThat(held.<Integer>read("$.reservation.totalAmount")).isEqualTo(2 * 198_000);
            assertThat(Instant.parse(held.read("$.reservation.holdExpiresAt"))).as("the platform's hold time")
                    .isBetween(Instant.now().plus(Duration.ofSeconds(20)), Instant.now().plus(Duration.ofSeconds(40)));
            String paymentToken = held.read("$.paymentToken");
            assertThat(new BuyerTokens(platform.internalSecret()).checkPayment(paymentToken, buyer,
                    UUID.fromString(eventId), UUID.fromString(id), Instant.now()).valid()).as(paymentToken).isTrue();
            stream.await("seats", "HELD", seats.get(0), seats.get(1));
            Reply status = gateway.get("/api/seats/" + eventId + "/status", viewerToken);
            assertThat(status.<List<String>>read("$.held")).containsExactlyInAnyOrderElementsOf(seats.subList(0, 2));

            Reply changed = gateway.call("PUT", "/api/reservations/" + id + "/seats")
                    .json("{\"seatIds\":" + ids(seats.subList(1, 3)) + "}").bearer(buyerToken).send();
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.<String>read("$.holdExpiresAt")).isEqualTo(held.read("$.reservation.holdExpiresAt"));
            stream.await("seats", "RELEASED", seats.get(0));
            stream.await("seats", "HELD", seats.get(2));

            assertProblem(gateway.get("/api/reservations/" + id, strangerToken), 404, "reservation-not-found");
            assertProblem(gateway.call("DELETE", "/api/reservations/" + id).bearer(strangerToken).send(), 404,
                    "reservation-not-found");
            Reply mine = gateway.get("/api/reservations", buyerToken);
            assertThat(mine.<String>read("$.items[0].id")).isEqualTo(id);
            assertThat(mine.<String>read("$.items[0].event.title")).startsWith("Hold Test ");

            assertThat(gateway.call("DELETE", "/api/reservations/" + id).bearer(buyerToken).send().status()).isEqualTo(204);
            stream.await("seats", "RELEASED", seats.get(1), seats.get(2));
            assertThat(gateway.get("/api/reservations/" + id, buyerToken).<String>read("$.status")).isEqualTo("CANCELLED");
            assertThat(gateway.get("/api/seats/" + eventId + "/status", viewerToken).<List<String>>read("$.held")).isEmpty();

            // the gateway routes no /internal path (reservation-service has none left: payment-service keeps a copy)
            assertProblem(gateway.get("/internal/reservations/" + id, admin), 404, "not-found");

            // the buyer leaves the waiting room: within two seconds their admission token holds nothing more
            assertThat(gateway.call("DELETE", "/api/queue/" + eventId).bearer(buyerToken).send().status()).isEqualTo(204);
            long left = System.nanoTime();
            assertProblem(gateway.post("/api/reservations", holdRequest(eventId, seats.subList(3, 4), admission),
                    buyerToken), 403, "admission-token-invalid");
            assertThat(Duration.ofNanos(System.nanoTime() - left)).isLessThan(Duration.ofSeconds(2));
            assertThat(gateway.get("/api/seats/" + eventId + "/status", viewerToken).<List<String>>read("$.held")).isEmpty();
        } finally {
            stream.close();
        }
    }

    @Test
    void refusedHoldsAnswerAProblemAndHoldNothing(PlatformUnderTest platform) {
        Api gateway = platform.gateway();
        String admin = platform.token(UUID.randomUUID(), "ADMIN");
        String buyerToken = platform.token(UUID.randomUUID(), "USER");
        String rivalToken = platform.token(UUID.randomUUID(), "USER");
        String elsewhereToken = platform.token(UUID.randomUUID(), "USER");
        String eventId = eventOnSale(gateway, admin);
        String otherEventId = eventOnSale(gateway, admin);
        List<String> seats = seatIds(gateway, eventId);
        List<String> otherSeats = seatIds(gateway, otherEventId);
        String admission = admitted(gateway, admin, eventId, buyerToken);
        String rivalAdmission = admitted(gateway, admin, eventId, rivalToken);
        String otherEventAdmission = admitted(gateway, admin, otherEventId, elsewhereToken);
        Reply rivalHold = gateway.post("/api/reservations", holdRequest(eventId, seats.subList(0, 2), rivalAdmission),
                rivalToken);
        assertThat(rivalHold.status()).as(rivalHold.body()).isEqualTo(201);

        assertProblem(gateway.post("/api/reservations", holdRequest(eventId, seats.subList(2, 7), admission),
                buyerToken), 400, "validation-failed");
        assertProblem(gateway.post("/api/reservations", holdRequest(eventId,
                List.of(seats.get(2), otherSeats.get(3)), admission), buyerToken), 400, "seats-not-in-event");
        assertProblem(gateway.post("/api/reservations", holdRequest(eventId, seats.subList(1, 3), admission),
                buyerToken), 409, "seats-unavailable");
        assertProblem(gateway.post("/api/reservations", holdRequest(eventId, seats.subList(2, 4), rivalAdmission),
                buyerToken), 403, "admission-token-invalid");
        assertProblem(gateway.post("/api/reservations", holdRequest(eventId, seats.subList(2, 4), otherEventAdmission),
                elsewhereToken), 403, "admission-token-invalid");
        assertProblem(gateway.post("/api/reservations", "{\"eventId\":\"%s\",\"seatIds\":%s}".formatted(eventId,
                ids(seats.subList(2, 4))), buyerToken), 400, "validation-failed");

        assertThat(gateway.get("/api/seats/" + eventId + "/status", buyerToken).<List<String>>read("$.held"))
                .as("only the rival's hold").containsExactlyInAnyOrderElementsOf(seats.subList(0, 2));
        assertThat(gateway.get("/api/seats/" + otherEventId + "/status", buyerToken).<List<String>>read("$.held")).isEmpty();
        assertThat(gateway.get("/api/reservations", buyerToken).<List<Object>>read("$.items")).isEmpty();
        assertThat(gateway.get("/api/reservations", elsewhereToken).<List<Object>>read("$.items")).isEmpty();
        Reply held = gateway.post("/api/reservations", holdRequest(eventId, seats.subList(2, 4), admission), buyerToken);
        assertThat(held.status()).as("the refusals left the buyer's own admission usable: " + held.body()).isEqualTo(201);
    }

    @Test
    void aPaidHoldIsConfirmedAndSoldAndACancelledBookingIsRefundedAndBackOnSale(PlatformUnderTest platform) {
        Api gateway = platform.gateway();
        String admin = platform.token(UUID.randomUUID(), "ADMIN");
        String buyerToken = platform.token(UUID.randomUUID(), "USER");
        String eventId = eventOnSale(gateway, admin);
        List<String> seats = seatIds(gateway, eventId);
        String admission = admitted(gateway, admin, eventId, buyerToken);
        Reply held = gateway.post("/api/reservations", holdRequest(eventId, seats.subList(4, 6), admission), buyerToken);
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.read("$.reservation.id");

        Reply paid = gateway.call("POST", "/api/payments").header("X-Payment-Token", held.read("$.paymentToken"))
                .json("""
                        {"reservationId":"%s","paymentKey":"e2e-%s","method":"CARD","card":{"number":"4111111111111111"}}"""
                        .formatted(id, UUID.randomUUID()))
                .bearer(buyerToken).send();
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.<String>read("$.status")).isEqualTo("SUCCESS");
        String paymentId = paid.read("$.id");

        // payment.events → CONFIRMED here; reservation.events → SOLD in the catalog; the waiting-room turn ends
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "CONFIRMED".equals(gateway.get("/api/reservations/" + id, buyerToken).read("$.status")));
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatuses(gateway, eventId, seats.subList(4, 6))
                .equals(List.of("SOLD", "SOLD")));
        assertThat(gateway.get("/api/seats/" + eventId + "/status", buyerToken).<List<String>>read("$.sold"))
                .containsAll(seats.subList(4, 6));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                gateway.get("/api/queue/" + eventId + "/status", buyerToken).status() == 404);

        Reply cancelled = gateway.post("/api/reservations/" + id + "/cancel", "{}", buyerToken);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.<Boolean>read("$.wasConfirmed")).isTrue();

        // reservation.events → refund by payment-service and seats AVAILABLE again; payment.events → REFUNDED here
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "REFUNDED".equals(gateway.get("/api/payments/" + paymentId, buyerToken).read("$.status")));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "REFUNDED".equals(gateway.get("/api/reservations/" + id, buyerToken).read("$.status")));
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatuses(gateway, eventId, seats.subList(4, 6))
                .equals(List.of("AVAILABLE", "AVAILABLE")));
    }

    @Test
    void anUnpaidHoldExpiresItsSeatsAreFreeAgainAndTheBuyersTurnEnds(PlatformUnderTest platform) {
        Api gateway = platform.gateway();
        String admin = platform.token(UUID.randomUUID(), "ADMIN");
        String buyerToken = platform.token(UUID.randomUUID(), "USER");
        String viewerToken = platform.token(UUID.randomUUID(), "USER");
        String eventId = eventOnSale(gateway, admin);
        List<String> seats = seatIds(gateway, eventId);
        String admission = admitted(gateway, admin, eventId, buyerToken);
        SeatStream stream = SeatStream.open(gateway, "/api/seats/" + eventId + "/stream", viewerToken);
        try {
            stream.await("snapshot", "\"held\":[]");
            Reply held = gateway.post("/api/reservations", holdRequest(eventId, seats.subList(7, 9), admission), buyerToken);
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            String id = held.read("$.reservation.id");
            stream.await("seats", "HELD", seats.get(7), seats.get(8));

            // the platform holds seats for 30 s (PlatformExtension.SAGA_TIMINGS); the job looks every second
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    "EXPIRED".equals(gateway.get("/api/reservations/" + id, buyerToken).read("$.status")));
            stream.await("seats", "RELEASED", seats.get(7), seats.get(8));
            assertThat(gateway.get("/api/seats/" + eventId + "/status", viewerToken).<List<String>>read("$.held")).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    gateway.get("/api/queue/" + eventId + "/status", buyerToken).status() == 404);
            assertProblem(gateway.post("/api/reservations", holdRequest(eventId, seats.subList(7, 9), admission),
                    buyerToken), 403, "admission-token-invalid");
        } finally {
            stream.close();
        }
    }

    /** The catalog's status of these seats, in this order. */
    private static List<String> catalogStatuses(Api gateway, String eventId, List<String> seatIds) {
        Reply map = gateway.get("/api/events/" + eventId + "/seats", null);
        return seatIds.stream()
                .map(seat -> map.<List<String>>read("$.sections[*].rows[*].seats[?(@.id == '" + seat + "')].status").getFirst())
                .toList();
    }

    /** The event's seat ids, in seat-map order. */
    private static List<String> seatIds(Api gateway, String eventId) {
        return gateway.get("/api/events/" + eventId + "/seats", null).read("$.sections[*].rows[*].seats[*].id");
    }

    /** A new venue, hall (12 VIP seats at 198,000 KRW) and event whose sale has started. */
    private static String eventOnSale(Api gateway, String admin) {
        String eventId = Sale.createEventOnSale(gateway, admin, "Hold Test", 6, 198_000);
        assertThat(gateway.get("/api/events/" + eventId, null).<String>read("$.status")).isEqualTo("ON_SALE");
        return eventId;
    }

    /** The admin lets up to 100 buyers shop at once; the buyer queues and is admitted within a tick or two. */
    private static String admitted(Api gateway, String admin, String eventId, String buyerToken) {
        Reply policy = gateway.call("PUT", "/api/admin/queue/" + eventId + "/policy")
                .json("{\"type\":\"CAPACITY\",\"maxActive\":100}").bearer(admin).send();
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        Reply entered = gateway.post("/api/queue/" + eventId + "/enter", "{}", buyerToken);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() ->
                "ADMITTED".equals(gateway.get("/api/queue/" + eventId + "/status", buyerToken).read("$.status")));
        String admission = gateway.get("/api/queue/" + eventId + "/status", buyerToken).read("$.admissionToken");
        assertThat(admission).startsWith("qr_");
        return admission;
    }

    private static String holdRequest(String eventId, List<String> seats, String admissionToken) {
        return "{\"eventId\":\"%s\",\"seatIds\":%s,\"admissionToken\":\"%s\"}".formatted(eventId, ids(seats), admissionToken);
    }

    private static String ids(List<String> seats) {
        return seats.stream().map(seat -> "\"" + seat + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** A seat-map SSE stream read in the background: each event as {@code name} and its data line. */
    private record SeatStream(List<String> events, Stream<String> lines) implements AutoCloseable {

        static SeatStream open(Api gateway, String path, String token) {
            HttpResponse<Stream<String>> response = gateway.openStream(path, token);
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> events = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                String[] name = {""};
                try {
                    response.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring("event:".length()).strip();
                        } else if (line.startsWith("data:")) {
                            events.add(name[0] + " " + line.substring("data:".length()).strip());
                        }
                    });
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            return new SeatStream(events, response.body());
        }

        /** Waits for an event of this name whose data contains every fragment. */
        void await(String name, String... fragments) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(event ->
                    event.startsWith(name + " ") && Stream.of(fragments).allMatch(event::contains)));
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
