-- Numbered V20 so that migrations other branches add in the meantime (V3, V4, ...) keep running first.

-- Events the organiser cancelled (from event.events): a payment that succeeds later for a reservation of one
-- is refused and refunded, whatever state the reservation is in.
CREATE TABLE cancelled_events (
    event_id      uuid         PRIMARY KEY,
    cancelled_at  timestamptz  NOT NULL
);

-- How many seats the reservation has, kept with every seat change: the sales figures count tickets from the
-- reservation row alone, without joining reservation_seats.
ALTER TABLE reservations ADD COLUMN ticket_count smallint NOT NULL DEFAULT 0 CHECK (ticket_count >= 0);
UPDATE reservations r SET ticket_count = (SELECT count(*) FROM reservation_seats s WHERE s.reservation_id = r.id);

-- Admin lookup: an event's reservations newest first (also what the event's cancellation and CSV export walk),
-- and every reservation by creation time for date ranges.
CREATE INDEX reservations_event_idx ON reservations (event_id, created_at DESC, id);
CREATE INDEX reservations_created_idx ON reservations (created_at DESC, id);

-- Sales figures: sold by confirmation time, refunded by the cancellation time of a confirmed booking. The
-- INCLUDE columns let the dashboard's aggregates read the index alone (index-only scans).
CREATE INDEX reservations_sold_idx ON reservations (confirmed_at)
    INCLUDE (event_id, total_amount, ticket_count) WHERE confirmed_at IS NOT NULL;
CREATE INDEX reservations_refunded_idx ON reservations (cancelled_at)
    INCLUDE (event_id, total_amount, ticket_count) WHERE was_confirmed AND cancelled_at IS NOT NULL;
