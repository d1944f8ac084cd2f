package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every Kafka record of the platform carries. The payload stays a JSON tree here so that a consumer
 * can read the envelope (and its idempotency key) before deciding how, or whether, to read the payload.
 *
 * @param eventId       unique per event; consumers use it as the idempotency key
 * @param eventType     names the payload's shape, see {@link EventTypes}
 * @param aggregateType e.g. {@code Reservation}
 * @param aggregateId   the record's Kafka key, so that one aggregate's events stay in order
 * @param version       the aggregate's version after this event
 * @param occurredAt    when the change was committed by the producer
 * @param correlationId ties together everything one user action caused (a trace or request id); optional
 * @param causationId   the event or request that directly caused this one; optional
 * @param userId        the user the change concerns; absent for purely system-driven events
 * @param payload       a JSON object whose shape {@code eventType} names
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        String aggregateType,
        UUID aggregateId,
        @JsonProperty(required = true) long version,
        Instant occurredAt,
        String correlationId,
        String causationId,
        UUID userId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId is required");
        requireText(eventType, "eventType");
        requireText(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId is required");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("payload must be a JSON object");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
