package dev.tiketi.event.seatstatus;

import dev.tiketi.event.catalog.EventChanged;
import dev.tiketi.event.catalog.SeatsChanged;
import dev.tiketi.event.seatstatus.CatalogFixture.EventRow;
import dev.tiketi.event.seatstatus.CatalogFixture.SeatRow;
import dev.tiketi.event.seatstatus.SeatStatusProjection.Outcome;
import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.events.ReservationHeld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projection called directly, in the test's thread: what it publishes and what it refuses. */
@SeatStatusIntegrationTest
class SeatStatusProjectionTest {

    @Autowired
    SeatStatusProjection projection;

    @Autowired
    CatalogChangeRecorder recorder;

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    private CatalogFixture catalog;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixture(jdbc);
    }

    @Test
    void saleAnnouncesSeatsAfterCommitAndSellOutAnnouncesTheEvent() {
        var event = catalog.onSale(2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(apply(new ReservationConfirmed(first, event.id(), user, event.seatIds().subList(0, 1), 165_000)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(recorder.changesOf(event.id())).containsExactly(new SeatsChanged(event.id()));

        apply(new ReservationConfirmed(second, event.id(), user, event.seatIds().subList(1, 2), 165_000));
        assertThat(recorder.changesOf(event.id())).containsExactly(new SeatsChanged(event.id()),
                new SeatsChanged(event.id()), new EventChanged(event.id()));
        // two count writes, then the status rule's sell-out
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("SOLD_OUT", 0, 3));
    }

    @Test
    void redeliveryChangesAndAnnouncesNothing() {
        var event = catalog.onSale(2);
        EventEnvelope envelope = envelope(
                new ReservationConfirmed(UUID.randomUUID(), event.id(), user, event.seatIds().subList(0, 1), 165_000));

        assertThat(projection.apply(envelope, (ReservationEvent) codec.payload(envelope))).isEqualTo(Outcome.APPLIED);
        assertThat(projection.apply(envelope, (ReservationEvent) codec.payload(envelope)))
                .isEqualTo(Outcome.ALREADY_PROCESSED);

        assertThat(recorder.changesOf(event.id())).hasSize(1);
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("ON_SALE", 1, 1));
    }

    @Test
    void holdIsRecordedButChangesAndAnnouncesNothing() {
        var event = catalog.onSale(1);
        EventEnvelope envelope = envelope(new ReservationHeld(UUID.randomUUID(), event.id(), user,
                List.of(new ReservationHeld.Seat(event.seatIds().getFirst(), "R", 165_000)), 165_000,
                Instant.now().plusSeconds(300)));

        assertThat(projection.apply(envelope, (ReservationEvent) codec.payload(envelope))).isEqualTo(Outcome.APPLIED);

        assertThat(catalog.processed(envelope.eventId())).isTrue();
        assertThat(recorder.changesOf(event.id())).isEmpty();
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("ON_SALE", 1, 0));
    }

    @Test
    void refundOfSeatsNoLongerSoldToTheReservationAnnouncesNothing() {
        UUID newer = UUID.randomUUID();
        var event = catalog.soldOutAfterSale(1, newer);

        apply(new ReservationCancelled(UUID.randomUUID(), event.id(), user, event.seatIds(), "USER_CANCELLED", true));

        assertThat(recorder.changesOf(event.id())).isEmpty();
        assertThat(catalog.seat(event.seatIds().getFirst())).isEqualTo(SeatRow.soldTo(newer));
    }

    @Test
    void unknownSeatsAreRefusedAndNothingIsRecorded() {
        var event = catalog.onSale(2);
        EventEnvelope envelope = envelope(new ReservationConfirmed(UUID.randomUUID(), event.id(), user,
                List.of(event.seatIds().getFirst(), UUID.randomUUID()), 330_000));

        assertThatThrownBy(() -> projection.apply(envelope, (ReservationEvent) codec.payload(envelope)))
                .isInstanceOf(InconsistentEventException.class);

        assertThat(catalog.processed(envelope.eventId())).as("rolled back with the rest").isFalse();
        assertThat(catalog.seat(event.seatIds().getFirst())).isEqualTo(SeatRow.available());
        assertThat(catalog.event(event.id())).isEqualTo(new EventRow("ON_SALE", 2, 0));
    }

    @Test
    void unknownEventIsRefused() {
        EventEnvelope envelope = envelope(new ReservationConfirmed(UUID.randomUUID(), UUID.randomUUID(), user,
                List.of(UUID.randomUUID()), 1_000));

        assertThatThrownBy(() -> projection.apply(envelope, (ReservationEvent) codec.payload(envelope)))
                .isInstanceOf(InconsistentEventException.class);
    }

    private Outcome apply(ReservationEvent event) {
        return projection.apply(envelope(event), event);
    }

    private EventEnvelope envelope(ReservationEvent event) {
        return codec.envelope(UUID.randomUUID(), event, 1, Instant.now(), null, null);
    }
}
