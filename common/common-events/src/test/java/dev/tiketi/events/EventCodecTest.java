package dev.tiketi.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final UUID RESERVATION = UUID.randomUUID();
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID PAYMENT = UUID.randomUUID();
    private static final List<UUID> SEATS = List.of(UUID.randomUUID(), UUID.randomUUID());

    private final EventCodec codec = new EventCodec();
    private final JsonMapper plainJson = JsonMapper.builder().build();

    static Stream<EventPayload> payloads() {
        return Stream.of(
                new ReservationHeld(RESERVATION, EVENT, USER, List.of(
                        new ReservationHeld.Seat(SEATS.get(0), "VIP", 198_000L),
                        new ReservationHeld.Seat(SEATS.get(1), "R", 165_000L)), 363_000L, AT.plusSeconds(300), "Aurora Live"),
                new ReservationConfirmed(RESERVATION, EVENT, USER, SEATS, 363_000L),
                new ReservationCancelled(RESERVATION, EVENT, USER, SEATS, "USER_CANCELLED", true),
                new ReservationExpired(RESERVATION, EVENT, USER, SEATS),
                new ReservationPaymentRejected(RESERVATION, EVENT, USER, PAYMENT, 363_000L, "RESERVATION_EXPIRED"),
                new PaymentSucceeded(PAYMENT, RESERVATION, USER, 363_000L, "SIMULATED", AT),
                new PaymentFailed(PAYMENT, RESERVATION, USER, 363_000L, "CARD_DECLINED"),
                new PaymentRefunded(PAYMENT, RESERVATION, USER, 363_000L, "PAID_AFTER_EXPIRY", AT),
                new EventCreated(EVENT, FACTS),
                new EventChanged(EVENT, FACTS),
                new SaleOpened(EVENT, FACTS),
                new SaleClosed(EVENT, FACTS),
                new EventCancelled(EVENT, FACTS, AT),
                new SeatsGenerated(EVENT, FACTS, 1, 2, List.of(
                        new SeatsGenerated.Seat(SEATS.get(0), "A", "1", 1, "VIP", 198_000L),
                        new SeatsGenerated.Seat(SEATS.get(1), "B", "12", 30, "R", 165_000L))));
    }

    private static final CatalogFacts FACTS = new CatalogFacts("Aurora Live", "Aurora", "Olympic Hall", "Main",
            AT.plusSeconds(86_400), AT.plusSeconds(90_000), AT, AT.plusSeconds(80_000), "ON_SALE", 300,
            List.of(new CatalogFacts.Grade("VIP", 198_000L, 100), new CatalogFacts.Grade("R", 165_000L, 200)));

    @ParameterizedTest
    @MethodSource("payloads")
    void everyPayloadSurvivesTheWire(EventPayload payload) {
        UUID eventId = UUID.randomUUID();
        EventEnvelope sent = codec.envelope(eventId, payload, 3, AT, "corr-1", "cause-1");

        EventEnvelope received = codec.decode(codec.encode(sent));

        assertThat(received).isEqualTo(sent);
        assertThat(received.eventType()).isEqualTo(EventTypes.eventType(payload.getClass()));
        assertThat(received.aggregateId()).isEqualTo(payload.aggregateId());
        assertThat(received.aggregateType()).isEqualTo(payload.aggregateType());
        assertThat(received.userId()).isEqualTo(payload.userId());
        assertThat(codec.payload(received)).isEqualTo(payload);
        assertThat(codec.payload(received, payload.getClass())).isEqualTo(payload);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void payloadJsonHasExactlyTheRecordComponents(EventPayload payload) {
        JsonNode json = plainJson.readTree(codec.encode(codec.envelope(UUID.randomUUID(), payload, 1, AT, null, null)));

        List<String> components = Arrays.stream(payload.getClass().getRecordComponents())
                .map(component -> component.getName()).toList();
        assertThat(json.get("payload").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void timesAreUtcIsoStringsAndMoneyIsAnInteger() {
        var payload = new PaymentSucceeded(PAYMENT, RESERVATION, USER, 363_000L, "SIMULATED", AT);
        JsonNode json = plainJson.readTree(codec.encodeToString(codec.envelope(UUID.randomUUID(), payload, 1, AT, null, null)));

        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(json.get("payload").get("approvedAt").asString()).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(json.get("payload").get("amount").isIntegralNumber()).isTrue();
        assertThat(json.get("payload").get("amount").asLong()).isEqualTo(363_000L);
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        var payload = new ReservationConfirmed(RESERVATION, EVENT, USER, SEATS, 363_000L);
        ObjectNode json = (ObjectNode) plainJson.readTree(codec.encode(
                codec.envelope(UUID.randomUUID(), payload, 1, AT, null, null)));
        json.put("schemaVersion", 2);
        ((ObjectNode) json.get("payload")).put("couponCode", "SPRING").putObject("nested").put("a", 1);

        EventEnvelope received = codec.decode(plainJson.writeValueAsBytes(json));

        assertThat(codec.payload(received, ReservationConfirmed.class)).isEqualTo(payload);
    }

    @Test
    void aHoldWrittenBeforeTheEventTitleExistedIsReadWithoutOne() {
        var payload = new ReservationHeld(RESERVATION, EVENT, USER,
                List.of(new ReservationHeld.Seat(SEATS.get(0), "VIP", 198_000L)), 198_000L, AT, "Aurora Live");
        ObjectNode json = (ObjectNode) plainJson.readTree(codec.encode(
                codec.envelope(UUID.randomUUID(), payload, 1, AT, null, null)));
        ((ObjectNode) json.get("payload")).remove("eventTitle");

        var read = codec.payload(codec.decode(plainJson.writeValueAsBytes(json)), ReservationHeld.class);

        assertThat(read.eventTitle()).isNull();
        assertThat(read).isEqualTo(new ReservationHeld(RESERVATION, EVENT, USER, payload.seats(), 198_000L, AT));
    }

    @Test
    void envelopeWithoutEventIdIsRejected() {
        ObjectNode json = validEnvelopeJson();
        json.remove("eventId");

        assertThatThrownBy(() -> codec.decode(plainJson.writeValueAsBytes(json)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("eventId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventType", "aggregateType", "aggregateId", "version", "occurredAt", "payload"})
    void envelopeWithoutARequiredFieldIsRejected(String field) {
        ObjectNode json = validEnvelopeJson();
        json.remove(field);

        assertThatThrownBy(() -> codec.decode(plainJson.writeValueAsBytes(json)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void optionalEnvelopeFieldsMayBeAbsent() {
        ObjectNode json = validEnvelopeJson();
        json.remove(List.of("correlationId", "causationId", "userId"));

        EventEnvelope envelope = codec.decode(plainJson.writeValueAsBytes(json));

        assertThat(envelope.correlationId()).isNull();
        assertThat(envelope.userId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "{", "[]", "null", "{\"eventId\":\"not-a-uuid\"}", "{} trailing"})
    void bytesThatAreNoEnvelopeAreRejected(String body) {
        assertThatThrownBy(() -> codec.decode(body)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void nonJsonBytesAreRejected() {
        byte[] garbage = {(byte) 0xff, 0x00, (byte) 0xfe, 0x13, 0x37};
        assertThatThrownBy(() -> codec.decode(garbage)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode((byte[]) null)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void payloadThatIsNotAnObjectIsRejected() {
        ObjectNode json = validEnvelopeJson();
        json.put("payload", "text");

        assertThatThrownBy(() -> codec.decode(plainJson.writeValueAsBytes(json)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void unknownEventTypeIsRejectedWhenThePayloadIsRead() {
        ObjectNode json = validEnvelopeJson();
        json.put("eventType", "ReservationTeleported");
        EventEnvelope envelope = codec.decode(plainJson.writeValueAsBytes(json));

        assertThatThrownBy(() -> codec.payload(envelope))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ReservationTeleported");
    }

    @Test
    void readingThePayloadAsAnotherTypeIsRejected() {
        EventEnvelope envelope = codec.decode(plainJson.writeValueAsBytes(validEnvelopeJson()));

        assertThatThrownBy(() -> codec.payload(envelope, ReservationCancelled.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ReservationConfirmed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reservationId", "eventId", "userId", "seatIds", "totalAmount"})
    void payloadWithoutARequiredFieldIsRejected(String field) {
        ObjectNode json = validEnvelopeJson();
        ((ObjectNode) json.get("payload")).remove(field);
        EventEnvelope envelope = codec.decode(plainJson.writeValueAsBytes(json));

        assertThatThrownBy(() -> codec.payload(envelope)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void seatPartsAreNumberedFromOneToPartsAndBounded() {
        var seat = new SeatsGenerated.Seat(SEATS.get(0), "A", "1", 1, "VIP", 198_000L);
        assertThatThrownBy(() -> new SeatsGenerated(EVENT, FACTS, 0, 1, List.of(seat)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatsGenerated(EVENT, FACTS, 3, 2, List.of(seat)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatsGenerated(EVENT, FACTS, 1, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatsGenerated(EVENT, FACTS, 1, 1,
                java.util.Collections.nCopies(SeatsGenerated.MAX_SEATS + 1, seat)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatsGenerated.Seat(SEATS.get(0), "A", "1", 1, "VIP", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullPartOfSeatsStaysFarBelowTheRecordLimit() {
        List<SeatsGenerated.Seat> seats = java.util.stream.IntStream.range(0, SeatsGenerated.MAX_SEATS)
                .mapToObj(i -> new SeatsGenerated.Seat(UUID.randomUUID(), "FLOOR-" + (i % 10), "R" + (i / 50),
                        i % 50 + 1, "VIP", 198_000L))
                .toList();
        byte[] record = codec.encode(codec.envelope(UUID.randomUUID(), new SeatsGenerated(EVENT, FACTS, 1, 1, seats),
                1, AT, "corr-1", "cause-1"));

        // Kafka's default max.request.size and message.max.bytes are 1 MB
        assertThat(record.length).isLessThan(400_000);
    }

    @Test
    void cancellationWithoutWasConfirmedIsRejectedRatherThanReadAsFalse() {
        var payload = new ReservationCancelled(RESERVATION, EVENT, USER, SEATS, "USER_CANCELLED", true);
        ObjectNode json = (ObjectNode) plainJson.readTree(codec.encode(
                codec.envelope(UUID.randomUUID(), payload, 1, AT, null, null)));
        ((ObjectNode) json.get("payload")).remove("wasConfirmed");
        EventEnvelope envelope = codec.decode(plainJson.writeValueAsBytes(json));

        assertThatThrownBy(() -> codec.payload(envelope)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void invalidPayloadValuesAreRejected() {
        ObjectNode json = validEnvelopeJson();
        ObjectNode payload = (ObjectNode) json.get("payload");

        payload.put("totalAmount", -1);
        assertThatThrownBy(() -> codec.payload(codec.decode(plainJson.writeValueAsBytes(json))))
                .isInstanceOf(MalformedEventException.class);

        payload.put("totalAmount", 1000).putArray("seatIds");
        assertThatThrownBy(() -> codec.payload(codec.decode(plainJson.writeValueAsBytes(json))))
                .isInstanceOf(MalformedEventException.class);

        payload.putNull("totalAmount");
        assertThatThrownBy(() -> codec.payload(codec.decode(plainJson.writeValueAsBytes(json))))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void payloadsRejectInvalidValuesWhenBuiltInCode() {
        assertThatThrownBy(() -> new ReservationConfirmed(RESERVATION, EVENT, USER, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationConfirmed(null, EVENT, USER, SEATS, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("reservationId");
        assertThatThrownBy(() -> new PaymentFailed(PAYMENT, RESERVATION, USER, -5, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ObjectNode validEnvelopeJson() {
        var payload = new ReservationConfirmed(RESERVATION, EVENT, USER, SEATS, 363_000L);
        String json = new String(codec.encode(codec.envelope(UUID.randomUUID(), payload, 2, AT, "corr", "cause")),
                StandardCharsets.UTF_8);
        return (ObjectNode) plainJson.readTree(json);
    }
}
