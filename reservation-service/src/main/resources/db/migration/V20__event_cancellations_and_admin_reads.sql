-- Numbered V20 so that migrations other branches add in the meantime (V3, V4, ...) keep running first.

-- Events the organiser cancelled (from event.events): a payment that succeeds later for a reservation of one
-- is refused and refunded, whatever state the reservation is in.
CREATE TABLE cancelled_events (
    event_id      uuid         PRIMARY KEY,
    cancelled_at  timestamptz  NOT NULL
);

-- Admin lookup: an event's reservations newest first (also what the event's cancellation and CSV export walk),
-- and every reservation by creation time for date ranges.
CREATE INDEX reservations_event_idx ON reservations (event_id, created_at DESC, id);
CREATE INDEX reservations_created_idx ON reservations (created_at DESC, id);

-- Sales per event and UTC hour, kept in the transaction of every confirmation (sold) and every cancellation of a
-- confirmed booking (refunded), so the dashboard sums at most 24 rows per event and day instead of every booking.
-- Confirmations are applied by the payment saga's consumers (one per partition), so the row of the current hour
-- is never contended by more than a few transactions.
CREATE TABLE sales_hourly (
    event_id          uuid         NOT NULL,
    hour              timestamptz  NOT NULL CHECK (date_trunc('hour', hour) = hour),
    bookings_sold     bigint       NOT NULL DEFAULT 0 CHECK (bookings_sold >= 0),
    tickets_sold      bigint       NOT NULL DEFAULT 0 CHECK (tickets_sold >= 0),
    revenue           bigint       NOT NULL DEFAULT 0 CHECK (revenue >= 0),
    bookings_refunded bigint       NOT NULL DEFAULT 0 CHECK (bookings_refunded >= 0),
    tickets_refunded  bigint       NOT NULL DEFAULT 0 CHECK (tickets_refunded >= 0),
    refunds           bigint       NOT NULL DEFAULT 0 CHECK (refunds >= 0),
    PRIMARY KEY (event_id, hour)
);
-- the dashboard over every event reads a period by hour
CREATE INDEX sales_hourly_hour_idx ON sales_hourly (hour);

-- the figures of the bookings made before this table existed
INSERT INTO sales_hourly (event_id, hour, bookings_sold, tickets_sold, revenue)
SELECT r.event_id, date_trunc('hour', r.confirmed_at, 'UTC'), count(*),
       sum((SELECT count(*) FROM reservation_seats s WHERE s.reservation_id = r.id)), sum(r.total_amount)
  FROM reservations r WHERE r.confirmed_at IS NOT NULL
 GROUP BY 1, 2;
INSERT INTO sales_hourly AS s (event_id, hour, bookings_refunded, tickets_refunded, refunds)
SELECT r.event_id, date_trunc('hour', r.cancelled_at, 'UTC'), count(*),
       sum((SELECT count(*) FROM reservation_seats s WHERE s.reservation_id = r.id)), sum(r.total_amount)
  FROM reservations r WHERE r.was_confirmed AND r.cancelled_at IS NOT NULL
 GROUP BY 1, 2
ON CONFLICT (event_id, hour) DO UPDATE
   SET bookings_refunded = EXCLUDED.bookings_refunded, tickets_refunded = EXCLUDED.tickets_refunded,
       refunds = EXCLUDED.refunds;
