package dev.tiketi.reservation.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The service's settings ({@code tiketi.reservation.*}); defaults live in application.yml.
 *
 * @param holdTtl        how long seats are held for payment; the Redis holds and the reservation's
 *                       {@code hold_expires_at} end together
 * @param eventCacheTtl  how long an event's facts from event-service are reused
 */
@ConfigurationProperties("tiketi.reservation")
public record ReservationProperties(Duration holdTtl, Duration eventCacheTtl, Expiry expiry, SeatMap seatMap) {

    /**
     * @param enabled   off in tests that drive the job themselves
     * @param batchSize reservations expired per transaction; the job goes on until none is left
     */
    public record Expiry(boolean enabled, Duration interval, int batchSize) {
    }

    /**
     * @param soldCacheTtl   how long the sold seats of an event, read from this service's CONFIRMED
     *                       reservations, are reused for seat-map statuses
     * @param soldMarkerTtl  how long a seat sold here is refused from Redis, until event-service has caught up
     * @param resyncInterval how often every open seat-map stream gets a fresh snapshot
     * @param soldOverlap    how far before a sold-seats read a status still looks at Redis's sold markers:
     *                       markers are stamped after the sale's commit, but by the selling instance's clock,
     *                       which may run behind the reading one's
     */
    public record SeatMap(Duration soldCacheTtl, Duration soldMarkerTtl, Duration resyncInterval, Duration soldOverlap) {
    }
}
