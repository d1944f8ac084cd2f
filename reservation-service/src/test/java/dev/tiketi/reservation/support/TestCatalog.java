package dev.tiketi.reservation.support;

import dev.tiketi.events.CatalogEvent;
import dev.tiketi.events.CatalogFacts;
import dev.tiketi.events.EventCancelled;
import dev.tiketi.events.EventChanged;
import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventCreated;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.SaleClosed;
import dev.tiketi.events.SeatsGenerated;
import dev.tiketi.events.Topics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * event-service as far as reservation-service hears of it: catalog events put on {@code event.events} the way
 * its outbox does (keyed by event, each change with the next version), and a wait until this service's copy of
 * the catalog has them. Every seat costs 100,000 KRW, VIP; seats are numbered 20 a row in section A.
 */
public final class TestCatalog {

    public static final long PRICE = 100_000;

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final Map<UUID, Published> published = new ConcurrentHashMap<>();

    public TestCatalog(KafkaTemplate<String, byte[]> kafka, EventCodec codec, JdbcClient jdbc) {
        this.kafka = kafka;
        this.codec = codec;
        this.jdbc = jdbc;
    }

    /** An event ON_SALE, starting in 30 days, with {@code seats} seats, in the copy. */
    public TestEvent onSale(int seats) {
        return onSale(seats, Instant.now().plus(Duration.ofDays(30)));
    }

    /** An event ON_SALE until two hours after it starts at {@code startsAt} (which may be today). */
    public TestEvent onSale(int seats, Instant startsAt) {
        TestEvent event = announce(seats, startsAt);
        awaitCopied(event.id(), 1);
        return event;
    }

    /** Puts the event and its seats on the topic without waiting for the copy. */
    public TestEvent announce(int seats, Instant startsAt) {
        UUID id = UUID.randomUUID();
        List<UUID> seatIds = IntStream.range(0, seats).mapToObj(i -> UUID.randomUUID()).toList();
        Instant start = startsAt.truncatedTo(ChronoUnit.MICROS);
        CatalogFacts facts = new CatalogFacts("Test concert", "Test artist", "KSPO DOME", "Main hall", start,
                start.plus(Duration.ofHours(3)), Instant.parse("2020-01-01T00:00:00Z"), start.plus(Duration.ofHours(2)),
                "ON_SALE", seats, List.of(new CatalogFacts.Grade("VIP", PRICE, seats)));
        published.put(id, new Published(facts, 1));
        send(new EventCreated(id, facts), 1);
        seats(id, facts, seatIds, PRICE, 1);
        return new TestEvent(id, seatIds);
    }

    /** Every seat of the event again at {@code price}, as part of the event's next version. */
    public long reprice(TestEvent event, long price) {
        Published current = published.get(event.id());
        long version = current.version() + 1;
        published.put(event.id(), new Published(current.facts(), version));
        seats(event.id(), current.facts(), event.seatIds(), price, version);
        return version;
    }

    /** The event's creation and seats at {@code price} once more, as a late duplicate of version 1 would come. */
    public void resendCreation(TestEvent event, long price) {
        Published current = published.get(event.id());
        CatalogFacts created = new CatalogFacts(current.facts().title(), current.facts().artist(),
                current.facts().venueName(), current.facts().hallName(), current.facts().startsAt(),
                current.facts().endsAt(), current.facts().saleStartsAt(), current.facts().saleEndsAt(), "ON_SALE",
                current.facts().seatCount(), current.facts().grades());
        send(new EventCreated(event.id(), created), 1);
        seats(event.id(), created, event.seatIds(), price, 1);
    }

    /** The organiser closed the sale a moment ago. */
    public void closeSale(UUID eventId) {
        change(eventId, facts -> new SaleClosed(eventId, withSale(facts, Instant.now().minusSeconds(1))));
    }

    /** The organiser renamed the event. */
    public void rename(UUID eventId, String title) {
        change(eventId, facts -> new EventChanged(eventId, new CatalogFacts(title, facts.artist(), facts.venueName(),
                facts.hallName(), facts.startsAt(), facts.endsAt(), facts.saleStartsAt(), facts.saleEndsAt(),
                facts.status(), facts.seatCount(), facts.grades())));
    }

    /** The organiser cancelled the event. */
    public EventEnvelope cancel(UUID eventId) {
        return change(eventId, facts -> new EventCancelled(eventId, new CatalogFacts(facts.title(), facts.artist(),
                facts.venueName(), facts.hallName(), facts.startsAt(), facts.endsAt(), facts.saleStartsAt(),
                facts.saleEndsAt(), "CANCELLED", facts.seatCount(), facts.grades()), Instant.now()));
    }

    /** Puts a catalog event on the topic as event-service's outbox relay would. */
    public EventEnvelope send(CatalogEvent event, long version) {
        EventEnvelope envelope = codec.envelope(UUID.randomUUID(), event, version, Instant.now(), null, null);
        send(envelope);
        return envelope;
    }

    public void send(EventEnvelope envelope) {
        try {
            kafka.send(Topics.EVENT_EVENTS, envelope.aggregateId().toString(), codec.encode(envelope))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the copy has the event at {@code version} (or later) with every seat. */
    public void awaitCopied(UUID eventId, long version) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM catalog_events
                                        WHERE event_id = :id AND version >= :version AND seats_copied >= seat_count)""")
                .param("id", eventId).param("version", version).query(Boolean.class).single());
    }

    private EventEnvelope change(UUID eventId, java.util.function.Function<CatalogFacts, CatalogEvent> change) {
        Published current = published.get(eventId);
        long version = current.version() + 1;
        CatalogEvent event = change.apply(current.facts());
        published.put(eventId, new Published(event.facts(), version));
        EventEnvelope envelope = send(event, version);
        awaitCopied(eventId, version);
        return envelope;
    }

    private void seats(UUID eventId, CatalogFacts facts, List<UUID> seatIds, long price, long version) {
        List<SeatsGenerated.Seat> seats = new ArrayList<>();
        for (int i = 0; i < seatIds.size(); i++) {
            seats.add(new SeatsGenerated.Seat(seatIds.get(i), "A", Integer.toString(i / 20 + 1), i % 20 + 1, "VIP", price));
        }
        int parts = (seats.size() + SeatsGenerated.MAX_SEATS - 1) / SeatsGenerated.MAX_SEATS;
        for (int part = 1; part <= parts; part++) {
            send(new SeatsGenerated(eventId, facts, part, parts, seats.subList((part - 1) * SeatsGenerated.MAX_SEATS,
                    Math.min(seats.size(), part * SeatsGenerated.MAX_SEATS))), version);
        }
    }

    private static CatalogFacts withSale(CatalogFacts facts, Instant saleEndsAt) {
        return new CatalogFacts(facts.title(), facts.artist(), facts.venueName(), facts.hallName(), facts.startsAt(),
                facts.endsAt(), facts.saleStartsAt(), saleEndsAt, "ENDED", facts.seatCount(), facts.grades());
    }

    private record Published(CatalogFacts facts, long version) {
    }

    public record TestEvent(UUID id, List<UUID> seatIds) {

        public List<UUID> seats(int... indexes) {
            return Arrays.stream(indexes).mapToObj(seatIds::get).toList();
        }
    }
}
