package dev.tiketi.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns envelopes into the JSON on the wire and back, and reads typed payloads out of them. Thread-safe.
 * <p>
 * The codec owns its {@link JsonMapper} instead of borrowing a service's: the wire format is a contract
 * between services and must not change with one service's Jackson settings. Readers ignore unknown
 * fields, so a producer may add fields before every consumer knows them.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * Wraps a payload in a new envelope; type, aggregate and user come from the payload.
     *
     * @param version       the aggregate's version after this event
     * @param correlationId optional, see {@link EventEnvelope}
     * @param causationId   optional, see {@link EventEnvelope}
     */
    public EventEnvelope envelope(UUID eventId, EventPayload payload, long version, Instant occurredAt,
                                  String correlationId, String causationId) {
        // through bytes rather than valueToTree, so the tree holds exactly what a reader will parse
        // (valueToTree keeps a long as a LongNode where parsing yields an IntNode; the envelopes would differ)
        JsonNode tree = mapper.readTree(mapper.writeValueAsBytes(payload));
        return new EventEnvelope(eventId, EventTypes.eventType(payload.getClass()), payload.aggregateType(),
                payload.aggregateId(), version, occurredAt, correlationId, causationId, payload.userId(), tree);
    }

    public byte[] encode(EventEnvelope envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    public String encodeToString(EventEnvelope envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }

    /**
     * Reads an envelope; the payload is checked to be a JSON object but not read.
     *
     * @throws MalformedEventException if the bytes are not an envelope with every required field
     */
    public EventEnvelope decode(byte[] json) {
        if (json == null) {
            throw new MalformedEventException("no message body");
        }
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        } catch (JacksonException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getOriginalMessage(), e);
        }
        if (envelope == null) {
            throw new MalformedEventException("message body is JSON null");
        }
        return envelope;
    }

    /** @see #decode(byte[]) */
    public EventEnvelope decode(String json) {
        if (json == null) {
            throw new MalformedEventException("no message body");
        }
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the payload as the record its {@code eventType} names.
     *
     * @throws MalformedEventException if the event type is unknown or the payload does not fit it
     */
    public EventPayload payload(EventEnvelope envelope) {
        Class<? extends EventPayload> type = EventTypes.payloadClass(envelope.eventType())
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + envelope.eventType()
                        + "' (event " + envelope.eventId() + ")"));
        return read(envelope, type);
    }

    /**
     * Reads the payload as {@code type}.
     *
     * @throws MalformedEventException if the envelope's event type is not {@code type}'s or the payload
     *                                 does not fit it
     */
    public <T extends EventPayload> T payload(EventEnvelope envelope, Class<T> type) {
        String expected = EventTypes.eventType(type);
        if (!expected.equals(envelope.eventType())) {
            throw new MalformedEventException("event " + envelope.eventId() + " is a " + envelope.eventType()
                    + ", not a " + expected);
        }
        return read(envelope, type);
    }

    private <T extends EventPayload> T read(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("invalid " + envelope.eventType() + " payload in event "
                    + envelope.eventId() + ": " + e.getOriginalMessage(), e);
        }
    }
}
