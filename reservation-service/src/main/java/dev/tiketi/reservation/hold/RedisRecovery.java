package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.config.ReservationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts back into Redis what the database says Redis must hold, once Redis has lost its data (a FLUSHALL, a
 * restart without persistence, a failover to an empty replica): the holds of live reservations (so the seat map
 * shows their seats and nobody else is let through to them) with their buyers' hold markers, and the sold markers
 * of recent sales. Payment tokens
 * need nothing: they are signed, and checked without Redis. Loss is noticed by a marker key written after each
 * rebuild: every few seconds each instance checks it, and the one that wins a short lock rebuilds. The marker is
 * written last, so a rebuild cut short is tried again on the next check. The database's unique index over live
 * seats keeps refusing double sale meanwhile.
 */
@Component
class RedisRecovery {

    /** Present while Redis holds everything the database says it must; gone after a data loss. */
    static final String MARKER = "hold:rebuilt";
    private static final String LOCK = "hold:rebuild-lock";
    private static final Duration LOCK_TTL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RedisRecovery.class);

    private final StringRedisTemplate redis;
    private final RecoveryRecords records;
    private final SeatHolds seatHolds;
    private final Duration soldMarkerTtl;
    private final Clock clock;

    RedisRecovery(StringRedisTemplate redis, RecoveryRecords records, SeatHolds seatHolds,
                  ReservationProperties properties, Clock clock) {
        this.redis = redis;
        this.records = records;
        this.seatHolds = seatHolds;
        this.soldMarkerTtl = properties.seatMap().soldMarkerTtl();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tiketi.reservation.redis-recovery.interval}")
    void check() {
        try {
            rebuildIfLost();
        } catch (DataAccessException e) {
            log.warn("Redis rebuild not done, trying again at the next check: {}", e.getMessage());
        }
    }

    /** Rebuilds when the marker is gone and no other instance is at it; true when this call rebuilt. */
    boolean rebuildIfLost() {
        if (Boolean.TRUE.equals(redis.hasKey(MARKER))) {
            return false;
        }
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(LOCK, "1", LOCK_TTL))) {
            return false;
        }
        try {
            rebuild();
            return true;
        } finally {
            redis.delete(LOCK);
        }
    }

    private void rebuild() {
        Instant now = clock.instant();
        int holds = 0;
        for (RecoveryRecords.LiveHold hold : records.liveHolds(now)) {
            var refused = seatHolds.take(hold.eventId(), hold.reservationId(), hold.seatIds(), hold.holdExpiresAt(), now);
            if (refused.isEmpty()) {
                seatHolds.rememberBuyerHold(hold.eventId(), hold.userId(), hold.reservationId(), hold.holdExpiresAt(),
                        now);
                seatHolds.announceHeld(hold.eventId(), hold.seatIds());
                holds++;
            } else {
                // only a hold taken since the loss can be in the way, and the database refuses it
                log.warn("Redis rebuild: seats {} of live reservation {} are held by another one", refused,
                        hold.reservationId());
            }
        }
        int sales = 0;
        for (RecoveryRecords.RecentSale sale : records.salesSince(now.minus(soldMarkerTtl))) {
            seatHolds.sell(sale.eventId(), sale.reservationId(), sale.seatIds(), now);
            sales++;
        }
        redis.opsForValue().set(MARKER, now.toString());
        if (holds + sales > 0) {
            log.warn("Redis had lost its data; rebuilt from the database: {} live holds, {} recent sales", holds, sales);
        }
    }
}
