package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event of its own on sale, built through the admin API, and the buyer's way to a hold: the waiting room
 * (admission as fast as the policy allows), then seats. Each test takes its own sale, so tests never compete
 * for seats.
 */
final class Sale {

    static final String APPROVED_CARD = "4111111111111111";
    static final String DECLINED_CARD = "4000000000000002";
    static final String ANSWER_LOST_CARD = "4000000000000259";

    private final PlatformUnderTest platform;
    private final Api gateway;
    private final String admin;
    final String eventId;
    private final Deque<String> freeSeats;

    private Sale(PlatformUnderTest platform, String admin, String eventId, List<String> seatIds) {
        this.platform = platform;
        this.gateway = platform.gateway();
        this.admin = admin;
        this.eventId = eventId;
        this.freeSeats = new ArrayDeque<>(seatIds);
    }

    /** A 40-seat event 40 days ahead, on sale now, admitting 500 buyers a second. */
    static Sale open(PlatformUnderTest platform) {
        Api gateway = platform.gateway();
        String admin = platform.token(UUID.randomUUID(), "ADMIN");
        String eventId = createEventOnSale(gateway, admin, "Saga", 20, 110_000);
        Reply policy = gateway.call("PUT", "/api/admin/queue/" + eventId + "/policy")
                .json("{\"type\":\"FIXED_RATE\",\"ratePerSecond\":500}").bearer(admin).send();
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        Reply seats = gateway.get("/api/events/" + eventId + "/seats", null);
        assertThat(seats.status()).as(seats.body()).isEqualTo(200);
        return new Sale(platform, admin, eventId, seats.read("$.sections[*].rows[*].seats[*].id"));
    }

    /**
     * A new venue, a hall of two rows of {@code seatsPerRow} VIP seats at {@code price} KRW, and an event in it
     * 40 days ahead whose sale has started.
     *
     * @return the event's id
     */
    static String createEventOnSale(Api gateway, String admin, String name, int seatsPerRow, long price) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Reply venue = gateway.post("/api/admin/venues",
                "{\"name\":\"%s Hall %s\",\"city\":\"Seoul\",\"address\":\"1 Test-ro\"}".formatted(name, suffix),
                admin);
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        Reply hall = gateway.post("/api/admin/venues/" + venue.read("$.id") + "/halls", """
                {"name":"Main","seatTemplate":{"sections":[
                   {"name":"A","grade":"VIP","rows":[{"label":"1","seats":%d},{"label":"2","seats":%d}]}],
                 "prices":{"VIP":%d}}}""".formatted(seatsPerRow, seatsPerRow, price), admin);
        assertThat(hall.status()).as(hall.body()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Reply event = gateway.post("/api/admin/events", """
                {"title":"%s %s","artist":"e2e","description":"e2e","category":"CONCERT",
                 "hallId":"%s","startsAt":"%s","endsAt":"%s","saleStartsAt":"%s","saleEndsAt":"%s"}""".formatted(
                name, suffix, hall.read("$.id"), now.plus(Duration.ofDays(40)),
                now.plus(Duration.ofDays(40)).plusSeconds(10_800), now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(30))), admin);
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        return event.read("$.id");
    }

    /** A new buyer, through the waiting room, holding {@code count} seats nobody else was given. */
    Hold hold(int count) {
        UUID buyer = UUID.randomUUID();
        String token = platform.token(buyer, "USER");
        String admission = admit(token);
        List<String> seats = Stream.generate(freeSeats::pop).limit(count).toList();
        String seatJson = seats.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).orElseThrow();
        Reply held = gateway.post("/api/reservations", """
                {"eventId":"%s","seatIds":[%s],"admissionToken":"%s"}""".formatted(eventId, seatJson, admission), token);
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.<String>read("$.reservation.status")).isEqualTo("PENDING");
        return new Hold(buyer, token, held.read("$.reservation.id"), held.read("$.paymentToken"), seats,
                ((Number) held.read("$.reservation.totalAmount")).longValue());
    }

    /** A new buyer, through the waiting room, trying to hold exactly these seats; the answer as it came. */
    Reply tryHold(List<String> seatIds) {
        String token = platform.token(UUID.randomUUID(), "USER");
        String admission = admit(token);
        String seatJson = seatIds.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).orElseThrow();
        return gateway.post("/api/reservations", """
                {"eventId":"%s","seatIds":[%s],"admissionToken":"%s"}""".formatted(eventId, seatJson, admission), token);
    }

    private String admit(String token) {
        Reply entered = gateway.post("/api/queue/" + eventId + "/enter", "{}", token);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        String[] admission = new String[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Reply status = gateway.get("/api/queue/" + eventId + "/status", token);
            admission[0] = "ADMITTED".equals(status.read("$.status")) ? status.read("$.admissionToken") : null;
            return admission[0] != null;
        });
        return admission[0];
    }

    /** The seats event-service has SOLD for this event. */
    List<String> soldSeats() {
        Reply sold = platform.internal("event-service", "GET", "/internal/events/" + eventId + "/seats/sold",
                "reservation-service").send();
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);
        return sold.read("$[*]");
    }

    /** The seats reservation-service has HELD for this event, as a signed-in buyer's seat map shows them. */
    List<String> heldSeats() {
        Reply status = gateway.get("/api/seats/" + eventId + "/status", platform.token(UUID.randomUUID(), "USER"));
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.read("$.held[*]");
    }

    String admin() {
        return admin;
    }

    /** A PENDING reservation of a buyer, with what paying for it takes. */
    record Hold(UUID buyer, String token, String reservationId, String paymentToken, List<String> seatIds,
                long amount) {

        Reply pay(Api gateway, String card) {
            return gateway.call("POST", "/api/payments")
                    .header("X-Payment-Token", paymentToken)
                    .json("""
                            {"reservationId":"%s","paymentKey":"pay-%s","method":"CARD","card":{"number":"%s"}}"""
                            .formatted(reservationId, UUID.randomUUID(), card))
                    .bearer(token)
                    .send();
        }

        String reservationStatus(Api gateway) {
            Reply reservation = gateway.get("/api/reservations/" + reservationId, token);
            assertThat(reservation.status()).as(reservation.body()).isEqualTo(200);
            return reservation.read("$.status");
        }

        String paymentStatus(Api gateway, String paymentId) {
            Reply payment = gateway.get("/api/payments/" + paymentId, token);
            assertThat(payment.status()).as(payment.body()).isEqualTo(200);
            return payment.read("$.status");
        }
    }
}
