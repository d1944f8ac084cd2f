package dev.tiketi.event.status;

import java.time.Instant;

/**
 * An event's status is never set by hand (except cancelling): it follows from its facts and the time, so
 * every writer — admin edits, the scheduler, seat-status updates — agrees on it. In order:
 * <ol>
 *   <li>CANCELLED once an admin cancelled it; terminal.</li>
 *   <li>ENDED from the end of the sale on ({@code saleEndsAt}, never later than the event's end): the sale
 *       period ran out, an admin closed the sale, or the event is over. Korean ticketing shows this as
 *       판매종료 — tickets can no longer be bought, whatever is left.</li>
 *   <li>UPCOMING before the sale starts.</li>
 *   <li>SOLD_OUT while the sale is open and no seat is available; back to ON_SALE as soon as one returns
 *       (an expired hold or a cancelled booking), for as long as the sale is open.</li>
 *   <li>ON_SALE otherwise.</li>
 * </ol>
 * Boundaries: the sale is open from {@code saleStartsAt} inclusive to {@code saleEndsAt} exclusive.
 */
public final class EventStatusPolicy {

    private EventStatusPolicy() {
    }

    public static EventStatus statusAt(SaleFacts facts, Instant now) {
        if (facts.cancelled()) {
            return EventStatus.CANCELLED;
        }
        if (!now.isBefore(facts.saleEndsAt()) || !now.isBefore(facts.endsAt())) {
            return EventStatus.ENDED;
        }
        if (now.isBefore(facts.saleStartsAt())) {
            return EventStatus.UPCOMING;
        }
        return facts.availableCount() <= 0 ? EventStatus.SOLD_OUT : EventStatus.ON_SALE;
    }
}
