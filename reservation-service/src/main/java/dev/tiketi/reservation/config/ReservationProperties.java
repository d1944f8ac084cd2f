package dev.tiketi.reservation.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The service's settings ({@code tiketi.reservation.*}); defaults live in application.yml.
 *
 * @param holdTtl        how long seats are held for payment; the Redis holds and the reservation's
 *                       {@code hold_expires_at} end together
 * @param eventCacheTtl  how long an event's facts read from the copy of the catalog are reused
 */
@ConfigurationProperties("tiketi.reservation")
public record ReservationProperties(Duration holdTtl, Duration eventCacheTtl, Expiry expiry, SeatMap seatMap,
                                    Catalog catalog) {

    /**
     * @param enabled   off in tests that drive the job themselves
     * @param batchSize reservations expired per transaction; the job goes on until none is left
     */
    public record Expiry(boolean enabled, Duration interval, int batchSize) {
    }

    /**
     * @param soldCacheTtl   how long the sold seats of an event, read from this service's CONFIRMED
     *                       reservations, are reused for seat-map statuses
     * @param soldMarkerTtl  how long a seat sold here is refused from Redis (a hold also finds it sold in the
     *                       database, see {@code CatalogCopy#seats})
     * @param resyncInterval how often every open seat-map stream gets a fresh snapshot
     * @param soldOverlap    how far before a sold-seats read a status still looks at Redis's sold markers:
     *                       markers are stamped after the sale's commit, but by the selling instance's clock,
     *                       which may run behind the reading one's
     */
    public record SeatMap(Duration soldCacheTtl, Duration soldMarkerTtl, Duration resyncInterval, Duration soldOverlap) {
    }

    /**
     * The copy of the catalog a hold reads (dev.tiketi.reservation.catalog).
     *
     * @param catchUpWait    how long a request for an event or seat the copy does not have yet waits for it
     * @param catchUpWaiters how many requests may wait so at once; the others get their 404 or 400 at once
     * @param pollInterval   how often a waiting request looks again
     */
    public record Catalog(Duration catchUpWait, int catchUpWaiters, Duration pollInterval) {
    }
}
