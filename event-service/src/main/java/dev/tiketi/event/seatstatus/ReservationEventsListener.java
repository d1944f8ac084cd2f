package dev.tiketi.event.seatstatus;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.EventPayload;
import dev.tiketi.events.MalformedEventException;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code reservation.events} and applies the sales and refunds among them to the seat projection. Offsets are
 * committed after the records' database transactions commit (ack mode TIME, every 500 ms at most), so a crash in
 * between means a redelivery, which the projection recognises and skips. Failures go to common-messaging's
 * error handler: retried if transient, dead-lettered if the record can never be processed.
 */
@Component
class ReservationEventsListener {

    /** The listener container's id, for starting and stopping it; the consumer group is configured apart. */
    static final String ID = "seat-status";

    private final EventCodec codec;
    private final SeatStatusProjection projection;

    ReservationEventsListener(EventCodec codec, SeatStatusProjection projection) {
        this.codec = codec;
        this.projection = projection;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.RESERVATION_EVENTS)
    void onReservationEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = codec.decode(record.value());
        EventPayload payload = codec.payload(envelope);
        if (!(payload instanceof ReservationEvent event)) {
            throw new MalformedEventException("event " + envelope.eventId() + " of type " + envelope.eventType()
                    + " does not belong on " + Topics.RESERVATION_EVENTS);
        }
        // most records are holds, expiries and unpaid cancellations, which change no seat here: no transaction,
        // no processed_events row for them (one of each per hold of the sale was a tenth of PostgreSQL's work)
        if (SeatStatusProjection.changesSeats(event)) {
            projection.apply(envelope, event);
        }
    }
}
