package dev.tiketi.payment.support;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.events.Topics;
import dev.tiketi.payment.gateway.simulated.SimulatedCards;
import dev.tiketi.payment.reconcile.Reconciler;
import dev.tiketi.payment.reservation.CopiedReservation;
import dev.tiketi.payment.reservation.ReservationCopy;
import dev.tiketi.payment.refund.RefundWorker;
import dev.tiketi.testsupport.TestServiceTokens;
import dev.tiketi.testsupport.ConsumerOffsets;
import dev.tiketi.testsupport.TestHttp;
import dev.tiketi.testsupport.TestInfrastructure;
import dev.tiketi.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service over real HTTP with the simulated PG; it calls no other service (reservations reach it as events,
 * payment tokens are signed).
 * Helpers to make a buyer with a held reservation (in payment-service's reservation copy) and a payment token, to
 * pay, to publish reservation events and to read {@code payment.events} back from Kafka.
 */
@PaymentServiceTest
public abstract class PaymentIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final long PRICE = 165_000;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventCodec codec;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    @Autowired
    protected CircuitBreaker breaker;

    @Autowired
    protected Reconciler reconciler;

    @Autowired
    protected RefundWorker refunds;

    @Autowired
    protected ReservationCopy reservationCopy;

    @Autowired
    protected TransactionTemplate transactions;

    @Value("${spring.kafka.consumer.group-id}")
    private String consumerGroup;

    protected final TestTokens tokens = TestTokens.instance();

    @BeforeEach
    void closeTheBreaker() {
        breaker.reset();
    }

    /**
     * A buyer with a PENDING reservation of two seats (held for five more minutes, version 1 in the copy) and its
     * payment token.
     */
    public record Buyer(UUID userId, TestReservation reservation, String paymentToken) {
    }

    protected Buyer buyer() {
        Buyer buyer = buyerWithoutCopy();
        copy(buyer.reservation().held(), 1);
        return buyer;
    }

    /** A buyer whose hold's event has not reached payment-service yet: the copy does not know the reservation. */
    protected Buyer buyerWithoutCopy() {
        UUID userId = UUID.randomUUID();
        var reservation = TestReservation.of(userId, UUID.randomUUID(), 2 * PRICE, Instant.now().plusSeconds(300),
                "IU Concert 2030");
        return new Buyer(userId, reservation, paymentToken(reservation));
    }

    /** The payment token reservation-service hands out with this hold, good for ten minutes. */
    protected static String paymentToken(TestReservation reservation) {
        return TestServiceTokens.buyerTokens().payment(reservation.userId(), reservation.eventId(), reservation.id(),
                Instant.now().plusSeconds(600));
    }

    /**
     * Applies a reservation event to the copy at once, as the consumer would (in a transaction of its own), without
     * the trip through Kafka: for tests about payments rather than about the copy.
     */
    protected void copy(ReservationEvent event, long version) {
        EventEnvelope envelope = codec.envelope(UUID.randomUUID(), event, version, Instant.now(), "test", null);
        transactions.executeWithoutResult(status -> reservationCopy.apply(envelope, event));
    }

    protected Optional<CopiedReservation> copied(UUID reservationId) {
        return reservationCopy.find(reservationId);
    }

    protected static String newKey() {
        return "key_" + UUID.randomUUID().toString().replace("-", "");
    }

    protected HttpResponse<String> pay(Buyer buyer, String paymentKey, String cardNumber) {
        return pay(buyer, paymentKey, cardNumber, null);
    }

    protected HttpResponse<String> pay(Buyer buyer, String paymentKey, String cardNumber, Long amount) {
        return payWith(buyer.userId(), buyer.paymentToken(), paymentRequest(buyer.reservation().id(), paymentKey,
                cardNumber, amount));
    }

    protected HttpResponse<String> payWith(UUID userId, String paymentToken, String json) {
        return call("POST", "/api/payments", tokens.user(userId),
                paymentToken == null ? Map.of() : Map.of("X-Payment-Token", paymentToken), json);
    }

    protected static String paymentRequest(UUID reservationId, String paymentKey, String cardNumber, Long amount) {
        return """
                {"reservationId":"%s","paymentKey":"%s",%s"method":"CARD",
                 "card":{"number":"%s","expiryMonth":12,"expiryYear":2030,"cvc":"123","holderName":"Kim Tiketi"}}"""
                .formatted(reservationId, paymentKey, amount == null ? "" : "\"amount\":" + amount + ",", cardNumber);
    }

    /** Pays with the always-approved card and returns the payment id. */
    protected UUID paid(Buyer buyer) {
        var response = pay(buyer, newKey(), SimulatedCards.APPROVE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response, "$.status")).isEqualTo("SUCCESS");
        return UUID.fromString(text(response, "$.id"));
    }

    protected HttpResponse<String> get(String path, String accessToken) {
        return call("GET", path, accessToken, Map.of(), null);
    }

    protected HttpResponse<String> call(String method, String path, String accessToken, Map<String, String> headers,
                                        String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        headers.forEach(request::header);
        return TestHttp.send(request.build());
    }

    protected static Object json(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }

    protected static String text(HttpResponse<String> response, String path) {
        return JsonPath.<Object>read(response.body(), path).toString();
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
    }

    // --- the database -------------------------------------------------------------------------------

    protected String status(UUID paymentId) {
        return jdbc.queryForObject("SELECT status FROM payments WHERE id = ?", String.class, paymentId);
    }

    protected void awaitStatus(UUID paymentId, String status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(paymentId)).isEqualTo(status));
    }

    protected int pgCalls(UUID paymentId, String operation) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_exchanges WHERE payment_id = ? AND operation = ?",
                Integer.class, paymentId, operation);
    }

    protected long paymentsOf(UUID reservationId) {
        return jdbc.queryForObject("SELECT count(*) FROM payments WHERE reservation_id = ?", Long.class, reservationId);
    }

    // --- Kafka ---------------------------------------------------------------------------------------

    protected EventEnvelope publish(ReservationEvent event) {
        return publish(event, 2);
    }

    /** @param version the reservation's version after the event, as reservation-service's outbox writes it */
    protected EventEnvelope publish(ReservationEvent event, long version) {
        EventEnvelope envelope = codec.envelope(UUID.randomUUID(), event, version, Instant.now(), "test", null);
        publish(envelope);
        return envelope;
    }

    protected RecordMetadata publish(EventEnvelope envelope) {
        try {
            return kafka.send(Topics.RESERVATION_EVENTS, envelope.aggregateId().toString(), codec.encode(envelope))
                    .get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.RESERVATION_EVENTS, e);
        }
    }

    /**
     * Publishes and waits until payment-service's consumer has committed past the record, which it does only after
     * the record's transaction has committed (within the ack time and poll timeout, 1.5 s). For events that leave no
     * {@code processed_events} row: those that move no money ({@link #awaitProcessed} waits for the others).
     */
    protected void publishAndAwaitConsumed(ReservationEvent event, long version) {
        RecordMetadata sent = publish(codec.envelope(UUID.randomUUID(), event, version, Instant.now(), "test", null));
        ConsumerOffsets.awaitPast(consumerGroup, sent, WAIT);
    }

    protected boolean processed(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id = ?", Integer.class,
                eventId) == 1;
    }

    protected void awaitProcessed(EventEnvelope envelope) {
        await().atMost(WAIT).until(() -> processed(envelope.eventId()));
    }

    /** The payment's events on {@code payment.events}, in order, once there are {@code count} of them. */
    protected List<EventEnvelope> awaitPaymentEvents(UUID paymentId, int count) {
        List<EventEnvelope> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            found.clear();
            found.addAll(read(Topics.PAYMENT_EVENTS, paymentId));
            assertThat(found).hasSizeGreaterThanOrEqualTo(count);
        });
        return found;
    }

    /** Every record on {@code topic} whose key is {@code aggregateId}, from the start. */
    protected List<EventEnvelope> read(String topic, UUID aggregateId) {
        return records(topic).stream()
                .filter(record -> aggregateId.toString().equals(record.key()))
                .map(record -> codec.decode(record.value()))
                .toList();
    }

    protected static List<ConsumerRecord<String, byte[]>> records(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
