package dev.tiketi.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypesTest {

    @Test
    void everyPayloadRecordIsRegisteredUnderItsNameBothWays() {
        List<Class<?>> records = Stream.of(EventPayload.class.getPermittedSubclasses())
                .flatMap(group -> Arrays.stream(group.getPermittedSubclasses()))
                .toList();

        assertThat(records).hasSize(EventTypes.names().size());
        for (Class<?> record : records) {
            @SuppressWarnings("unchecked")
            Class<? extends EventPayload> payload = (Class<? extends EventPayload>) record;
            String name = EventTypes.eventType(payload);
            assertThat(name).isEqualTo(record.getSimpleName());
            assertThat(EventTypes.payloadClass(name)).contains(payload);
        }
    }

    @Test
    void unknownNamesAreAbsent() {
        assertThat(EventTypes.payloadClass("ReservationTeleported")).isEmpty();
    }

    @Test
    void sealedInterfacesAreNotPayloadTypes() {
        assertThatThrownBy(() -> EventTypes.eventType(ReservationEvent.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topicsAndDeadLetterTopics() {
        assertThat(Topics.RESERVATION_EVENTS).isEqualTo("reservation.events");
        assertThat(Topics.PAYMENT_EVENTS).isEqualTo("payment.events");
        assertThat(Topics.EVENT_EVENTS).isEqualTo("event.events");
        assertThat(Topics.dlq(Topics.RESERVATION_EVENTS)).isEqualTo("dlq.reservation.events");
    }
}
