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

    private static final Map<String, Class<? extends EventPayload>> PAYLOADS = Map.of(
            ReservationHeld.TYPE, ReservationHeld.class,
            ReservationConfirmed.TYPE, ReservationConfirmed.class,
            ReservationCancelled.TYPE, ReservationCancelled.class,
            ReservationExpired.TYPE, ReservationExpired.class,
            ReservationPaymentRejected.TYPE, ReservationPaymentRejected.class,
            PaymentSucceeded.TYPE, PaymentSucceeded.class,
            PaymentFailed.TYPE, PaymentFailed.class,
            PaymentRefunded.TYPE, PaymentRefunded.class);

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
