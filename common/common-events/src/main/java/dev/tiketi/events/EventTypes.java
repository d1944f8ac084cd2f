package dev.tiketi.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code eventType} names on the wire and the payload records they denote. The names are explicit
 * constants rather than class names so that renaming a Java type cannot change the contract.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends EventPayload>> PAYLOADS = Map.ofEntries(
            Map.entry(ReservationHeld.TYPE, ReservationHeld.class),
            Map.entry(ReservationConfirmed.TYPE, ReservationConfirmed.class),
            Map.entry(ReservationCancelled.TYPE, ReservationCancelled.class),
            Map.entry(ReservationExpired.TYPE, ReservationExpired.class),
            Map.entry(ReservationPaymentRejected.TYPE, ReservationPaymentRejected.class),
            Map.entry(PaymentSucceeded.TYPE, PaymentSucceeded.class),
            Map.entry(PaymentFailed.TYPE, PaymentFailed.class),
            Map.entry(PaymentRefunded.TYPE, PaymentRefunded.class),
            Map.entry(EventCreated.TYPE, EventCreated.class),
            Map.entry(EventChanged.TYPE, EventChanged.class),
            Map.entry(SaleOpened.TYPE, SaleOpened.class),
            Map.entry(SaleClosed.TYPE, SaleClosed.class),
            Map.entry(EventCancelled.TYPE, EventCancelled.class),
            Map.entry(SeatsGenerated.TYPE, SeatsGenerated.class));

    private static final Map<Class<? extends EventPayload>, String> NAMES = PAYLOADS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private EventTypes() {
    }

    public static Optional<Class<? extends EventPayload>> payloadClass(String eventType) {
        return Optional.ofNullable(PAYLOADS.get(eventType));
    }

    public static String eventType(Class<? extends EventPayload> payloadClass) {
        String name = NAMES.get(payloadClass);
        if (name == null) {
            throw new IllegalArgumentException("not a registered event payload: " + payloadClass.getName());
        }
        return name;
    }

    public static Set<String> names() {
        return PAYLOADS.keySet();
    }
}
