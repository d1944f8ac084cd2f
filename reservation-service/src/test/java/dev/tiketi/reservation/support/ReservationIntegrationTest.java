package dev.tiketi.reservation.support;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.PaymentEvent;
import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.events.Topics;
import dev.tiketi.serviceauth.BuyerTokens;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.testsupport.TestHttp;
import dev.tiketi.testsupport.TestServiceTokens;
import dev.tiketi.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * reservation-service over real HTTP against the shared PostgreSQL, Redis and Kafka, with queue-service stubbed
 * ({@link Upstreams}) and event-service's catalog events put on event.events ({@link TestCatalog}).
 */
@ServiceIntegrationTest
public abstract class ReservationIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    @Autowired
    protected EventCodec codec;

    protected final TestTokens tokens = TestTokens.instance();
    protected final Upstreams upstreams = Upstreams.instance();
    protected TestCatalog catalog;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("tiketi.urls.queue-service", () -> Upstreams.instance().baseUrl());
    }

    @BeforeEach
    void catalogOfTheTest() {
        catalog = new TestCatalog(kafka, codec, jdbc);
    }

    protected HttpResponse<String> call(String method, String path, UUID user, String json) {
        return TestHttp.call(URI.create("http://localhost:" + port + path), method, user == null ? null : tokens.user(user), json);
    }

    /** An internal endpoint as payment-service calls it, with its service token. */
    protected HttpResponse<String> internalGet(String path) {
        return TestHttp.callAsService(URI.create("http://localhost:" + port + path), "GET", "payment-service", null);
    }

    /**
     * queue-service ends the admission early (the buyer left, paid, or an operator let them go): the tombstone it
     * writes to the Redis both services share ({@link BuyerTokens#admissionRevokedKey}).
     */
    protected void revokeAdmission(UUID userId, UUID eventId, String admissionToken) {
        String id = TestServiceTokens.buyerTokens().checkAdmission(admissionToken, userId, eventId, Instant.now()).id();
        redis.opsForValue().set(BuyerTokens.admissionRevokedKey(eventId, id), "1", Duration.ofMinutes(11));
    }

    /** Holds with a fresh admission of the user for the event. */
    protected HttpResponse<String> hold(UUID user, UUID eventId, List<UUID> seats) {
        return hold(user, eventId, seats, upstreams.admit(user, eventId));
    }

    protected HttpResponse<String> hold(UUID user, UUID eventId, List<UUID> seats, String admissionToken) {
        return call("POST", "/api/reservations", user, """
                {"eventId":"%s","seatIds":%s,"admissionToken":"%s"}""".formatted(eventId, jsonIds(seats), admissionToken));
    }

    /** Holds, expecting success; the reservation's id. */
    protected UUID held(UUID user, UUID eventId, List<UUID> seats) {
        var response = hold(user, eventId, seats);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response, "$.reservation.id"));
    }

    protected static String jsonIds(List<UUID> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    protected static <T> T json(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String code) {
        TestHttp.assertProblem(response, status, code);
    }

    /** Seat id → reservation id of every live reservation seat of the event, as the database has them. */
    protected Map<UUID, UUID> liveSeats(UUID eventId) {
        return jdbc.sql("SELECT seat_id, reservation_id FROM reservation_seats WHERE event_id = :eventId AND live")
                .param("eventId", eventId)
                .query((rs, n) -> Map.entry(rs.getObject("seat_id", UUID.class), rs.getObject("reservation_id", UUID.class)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    protected String status(UUID reservationId) {
        return jdbc.sql("SELECT status FROM reservations WHERE id = :id").param("id", reservationId)
                .query(String.class).single();
    }

    /** Puts a payment event on {@code payment.events}, as payment-service's outbox would; its envelope. */
    protected EventEnvelope publish(PaymentEvent payment) {
        EventEnvelope envelope = codec.envelope(UUID.randomUUID(), payment, 1, Instant.now(), null, null);
        publish(envelope);
        return envelope;
    }

    protected void publish(EventEnvelope envelope) {
        try {
            kafka.send(Topics.PAYMENT_EVENTS, envelope.aggregateId().toString(), codec.encode(envelope)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the service has applied the event (it is in the inbox). */
    protected void awaitProcessed(EventEnvelope envelope) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_id = :id)")
                .param("id", envelope.eventId()).query(Boolean.class).single());
    }

    /** payment-service charged the whole amount in time: the reservation is CONFIRMED. */
    protected UUID pay(UUID reservationId) {
        var reservation = jdbc.sql("SELECT user_id, total_amount FROM reservations WHERE id = :id")
                .param("id", reservationId)
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getLong("total_amount"))).single();
        UUID paymentId = UUID.randomUUID();
        awaitProcessed(publish(new PaymentSucceeded(paymentId, reservationId, reservation.getKey(), reservation.getValue(),
                "SIMULATED", Instant.now())));
        assertThat(status(reservationId)).isEqualTo("CONFIRMED");
        return paymentId;
    }

    /** The events the reservation wrote to its outbox, oldest first: {@code type v<version>} each. */
    protected List<String> outbox(UUID reservationId) {
        return jdbc.sql("SELECT event_type, envelope->>'version' AS version FROM outbox WHERE aggregate_id = :id ORDER BY id")
                .param("id", reservationId)
                .query((rs, n) -> rs.getString("event_type") + " v" + rs.getString("version")).list();
    }

    /** The payload of the reservation's latest outbox event. */
    protected Map<String, Object> lastOutboxPayload(UUID reservationId) {
        return JsonPath.read(jdbc.sql("SELECT envelope->>'payload' FROM outbox WHERE aggregate_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", reservationId).query(String.class).single(), "$");
    }

    /** Seats Redis says are held, from the event's index (what the seat map reads). */
    protected List<String> heldInRedis(UUID eventId) {
        var status = call("GET", "/api/seats/" + eventId + "/status", UUID.randomUUID(), null);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        return json(status, "$.held");
    }
}
