package dev.tiketi.reservation.seatmap;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.UUID;

/** What a seat map needs on top of event-service's seat layout: which seats are taken, now and as it changes. */
@RestController
class SeatMapController {

    private final SeatMap seatMap;
    private final SeatMapStreams streams;

    SeatMapController(SeatMap seatMap, SeatMapStreams streams) {
        this.seatMap = seatMap;
        this.streams = streams;
    }

    @GetMapping("/api/seats/{eventId}/status")
    SeatMapStatus status(@PathVariable UUID eventId) {
        return seatMap.status(eventId);
    }

    /** SSE: {@code snapshot} (the status) first and every so often, {@code seats} for every change in between. */
    @GetMapping(path = "/api/seats/{eventId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID eventId) {
        return streams.open(eventId);
    }
}
