package dev.tiketi.messaging.inbox;

import dev.tiketi.events.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The consumer side of exactly-once effects: Kafka delivers at least once, so every consumed event's id is
 * recorded in the service's {@code processed_events} table in the same transaction as the event's effects.
 * A redelivery, a replay of the topic or a replayed dead letter finds the id there and changes nothing.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the event as processed in the caller's transaction.
     *
     * @return false if it had been processed before: the caller must then do nothing
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markProcessed(EventEnvelope envelope) {
        return jdbc.sql("""
                        INSERT INTO processed_events (event_id, event_type, processed_at)
                        VALUES (:eventId, :eventType, :now)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", envelope.eventId())
                .param("eventType", envelope.eventType())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }
}
