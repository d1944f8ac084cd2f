package dev.tiketi.messaging.outbox;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.EventPayload;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where a service's events start their way to Kafka: a row in the service's {@code outbox} table, written in
 * the same transaction as the state change it announces, so that the change and its event commit or roll
 * back together. {@link OutboxRelay} publishes the rows; committing one wakes it.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final Clock clock;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, EventCodec codec, Clock clock, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
        this.relay = relay;
    }

    /**
     * Appends an event in the caller's transaction. The correlation id is the current trace id, when there is
     * one, so that a saga's events can be followed across services in the logs.
     *
     * @param aggregateVersion the aggregate's version after this change
     * @return the envelope as it will be published
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope append(EventPayload payload, long aggregateVersion) {
        return append(payload, aggregateVersion, null);
    }

    /** @param causationId the event or request that caused this one; null when there is none to name */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope append(EventPayload payload, long aggregateVersion, String causationId) {
        Instant now = clock.instant();
        EventEnvelope envelope = codec.envelope(UUID.randomUUID(), payload, aggregateVersion, now,
                MDC.get("traceId"), causationId);
        jdbc.sql("""
                        INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, envelope,
                                            created_at)
                        VALUES (:eventId, :topic, :aggregateType, :aggregateId, :eventType, :envelope::jsonb, :now)""")
                .param("eventId", envelope.eventId())
                .param("topic", payload.topic())
                .param("aggregateType", envelope.aggregateType())
                .param("aggregateId", envelope.aggregateId())
                .param("eventType", envelope.eventType())
                .param("envelope", codec.encodeToString(envelope))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return envelope;
    }
}
