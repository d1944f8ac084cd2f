package dev.tiketi.payment.saga;

import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.EventPayload;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.payment.reservation.ReservationCopy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One record of {@code reservation.events}, in the transaction of its poll ({@link ReservationEventsListener}) or,
 * when that poll is applied again record by record, in one of its own: the reservation copy takes the event, then
 * the refund saga (whose inbox entry, for the events that may move money, commits with both). The copy is applied
 * before the inbox is asked: it is idempotent on its own (versions), so a replay of the topic — also of events
 * processed before the copy existed — rebuilds it, while the inbox still keeps the saga from acting twice. A hold
 * thus costs one statement: the copy's insert (no inbox row, no locking read before it).
 */
@Service
class ReservationEventsConsumer {

    private final ReservationCopy copy;
    private final RefundSaga saga;

    ReservationEventsConsumer(ReservationCopy copy, RefundSaga saga) {
        this.copy = copy;
        this.saga = saga;
    }

    /** @throws dev.tiketi.events.MalformedEventException for an event that does not belong on the topic */
    @Transactional
    public void apply(EventEnvelope envelope, EventPayload event) {
        if (event instanceof ReservationEvent reservationEvent) {
            copy.apply(envelope, reservationEvent);
        }
        saga.apply(envelope, event);
    }
}
