package dev.tiketi.events;

/** Kafka topic names of the platform. Events leave a service only through its outbox. */
public final class Topics {

    /** Written by reservation-service; read by event-service (seat status) and payment-service (refunds). */
    public static final String RESERVATION_EVENTS = "reservation.events";

    /** Written by payment-service; read by reservation-service (the booking saga). */
    public static final String PAYMENT_EVENTS = "payment.events";

    /**
     * Written by event-service (catalog changes: created, seats generated, changed, sale opened/closed,
     * cancelled); read by reservation-service (its local copy of the catalog, which holds read instead of asking
     * event-service, and an event's cancellation cancels its reservations). Kept forever (retention.ms=-1): the
     * copy is rebuilt by replaying the topic from its first offset.
     */
    public static final String EVENT_EVENTS = "event.events";

    private static final String DLQ_PREFIX = "dlq.";

    private Topics() {
    }

    /** Where a consumer of {@code topic} parks the records it cannot process, for inspection and replay. */
    public static String dlq(String topic) {
        return DLQ_PREFIX + topic;
    }
}
