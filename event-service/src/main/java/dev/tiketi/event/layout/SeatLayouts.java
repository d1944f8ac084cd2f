package dev.tiketi.event.layout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tiketi.web.problem.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/**
 * Seat layouts built once per event and kept gzipped in this instance's memory.
 *
 * <p>Seats are generated with their event in one transaction and never move, change grade or price afterwards
 * (only their status changes, which is not in the layout), and events are never deleted: a layout, once built,
 * is right for ever, so there is nothing to invalidate. It is kept in process rather than in Redis because
 * every hit would otherwise carry a megabyte over the network for nothing; a cold instance builds a layout
 * with one indexed read of the event's seats, and concurrent requests for it wait for that one build.
 */
@Service
@EnableConfigurationProperties(SeatLayoutSettings.class)
public class SeatLayouts {

    private static final Logger log = LoggerFactory.getLogger(SeatLayouts.class);

    private final SeatLayoutReads reads;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Cache<UUID, EncodedSeatLayout> cache;

    SeatLayouts(SeatLayoutReads reads, JsonMapper json, MeterRegistry meters, SeatLayoutSettings settings) {
        this.reads = reads;
        this.json = json;
        this.meters = meters;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(settings.maxCached().toBytes())
                .weigher((UUID id, EncodedSeatLayout layout) -> layout.gzipped().length)
                .build();
    }

    /** 404 {@code event-not-found} when there is no such event (not cached: the event may be created later). */
    EncodedSeatLayout layout(UUID eventId) {
        EncodedSeatLayout layout = cache.get(eventId, this::build);
        if (layout == null) {
            throw ApiException.notFound("event-not-found", "No event has id " + eventId + ".");
        }
        return layout;
    }

    private EncodedSeatLayout build(UUID eventId) {
        long started = System.nanoTime();
        return reads.layout(eventId).map(document -> {
            EncodedSeatLayout layout = EncodedSeatLayout.of(json.writeValueAsBytes(document));
            meters.counter("tiketi.seat-layout.builds").increment();
            log.info("Seat layout of event {} built: {} seats, {} bytes gzipped, {} ms", eventId,
                    document.totalSeats(), layout.gzipped().length, (System.nanoTime() - started) / 1_000_000);
            return layout;
        }).orElse(null);
    }
}
