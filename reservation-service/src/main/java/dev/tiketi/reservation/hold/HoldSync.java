package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.booking.SeatsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;

/**
 * Brings Redis in line with a committed change of a reservation's seats and announces it to the seat maps.
 * A Redis failure here is logged, not raised: the change is committed, holds run out by their TTL anyway,
 * and the database still refuses double sale.
 */
@Component
class HoldSync {

    private static final Logger log = LoggerFactory.getLogger(HoldSync.class);

    private final SeatHolds seatHolds;
    private final Clock clock;

    HoldSync(SeatHolds seatHolds, Clock clock) {
        this.seatHolds = seatHolds;
        this.clock = clock;
    }

    @TransactionalEventListener
    void afterCommit(SeatsChanged changed) {
        if (changed.seatIds().isEmpty()) {
            return;
        }
        try {
            switch (changed.change()) {
                case HELD -> seatHolds.announceHeld(changed.eventId(), changed.seatIds());
                case RELEASED -> seatHolds.release(changed.eventId(), changed.reservationId(), changed.seatIds());
                case SOLD -> seatHolds.sell(changed.eventId(), changed.reservationId(), changed.seatIds(), clock.instant());
                case UNSOLD -> seatHolds.unsell(changed.eventId(), changed.reservationId(), changed.seatIds());
            }
        } catch (DataAccessException e) {
            log.warn("Redis not updated after {} of seats {} of reservation {}: {}", changed.change(), changed.seatIds(),
                    changed.reservationId(), e.getMessage());
        }
    }
}
