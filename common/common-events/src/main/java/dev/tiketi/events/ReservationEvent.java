package dev.tiketi.events;

import java.util.UUID;

/** Events of a reservation (a seat hold that becomes a booking), published on {@link Topics#RESERVATION_EVENTS}. */
public sealed interface ReservationEvent extends EventPayload
        permits ReservationHeld, ReservationConfirmed, ReservationCancelled, ReservationExpired,
        ReservationPaymentRejected {

    String AGGREGATE_TYPE = "Reservation";

    UUID reservationId();

    /** The catalog event (concert, musical, ...) the reserved seats belong to. */
    UUID eventId();

    @Override
    default UUID aggregateId() {
        return reservationId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default String topic() {
        return Topics.RESERVATION_EVENTS;
    }
}
