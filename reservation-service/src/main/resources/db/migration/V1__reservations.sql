-- Reservations (a seat hold that becomes a booking) and their seats. The event's facts are copied in at
-- hold time, so that a buyer's list of bookings never needs event-service.

CREATE TABLE reservations (
    id               uuid         PRIMARY KEY,
    user_id          uuid         NOT NULL,
    event_id         uuid         NOT NULL,
    status           varchar(16)  NOT NULL
        CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'REFUNDED')),
    total_amount     bigint       NOT NULL CHECK (total_amount >= 0),
    hold_expires_at  timestamptz  NOT NULL,
    event_title      varchar(200) NOT NULL,
    venue_name       varchar(200) NOT NULL,
    hall_name        varchar(200) NOT NULL,
    event_starts_at  timestamptz  NOT NULL,
    event_ends_at    timestamptz  NOT NULL,
    -- USER_RELEASED, USER_CANCELLED, PAYMENT_FAILED: set exactly when the reservation was cancelled
    cancel_reason    varchar(40),
    -- whether the reservation was CONFIRMED before it was cancelled: its seats had been sold, its money is refunded
    was_confirmed    boolean      NOT NULL DEFAULT false,
    payment_id       uuid,
    created_at       timestamptz  NOT NULL,
    confirmed_at     timestamptz,
    cancelled_at     timestamptz,
    expired_at       timestamptz,
    refunded_at      timestamptz,
    -- bumped by every change; the version of the events the change publishes
    version          bigint       NOT NULL CHECK (version > 0),
    updated_at       timestamptz  NOT NULL,
    CONSTRAINT reservations_cancel_reason CHECK ((status = 'CANCELLED' OR status = 'REFUNDED') = (cancel_reason IS NOT NULL)),
    CONSTRAINT reservations_confirmed_has_payment CHECK (status <> 'CONFIRMED' OR payment_id IS NOT NULL)
);

-- a buyer's bookings, newest first
CREATE INDEX reservations_user_idx ON reservations (user_id, created_at DESC, id);
-- what the expiry job scans: only live holds, by when they end
CREATE INDEX reservations_pending_expiry_idx ON reservations (hold_expires_at) WHERE status = 'PENDING';
-- one hold at a time per buyer and event: more seats are taken by changing the hold, so the four-seat
-- limit cannot be dodged with a second hold
CREATE UNIQUE INDEX reservations_one_pending_hold ON reservations (user_id, event_id) WHERE status = 'PENDING';

CREATE TABLE reservation_seats (
    reservation_id  uuid        NOT NULL REFERENCES reservations (id),
    event_id        uuid        NOT NULL,
    seat_id         uuid        NOT NULL,
    section         varchar(30) NOT NULL,
    row_label       varchar(10) NOT NULL,
    number          integer     NOT NULL,
    grade           varchar(10) NOT NULL,
    price           bigint      NOT NULL CHECK (price >= 0),
    -- true while the reservation is PENDING or CONFIRMED; copied here so the index below can see it
    live            boolean     NOT NULL,
    PRIMARY KEY (reservation_id, seat_id)
);

-- The last line against double sale: a seat is in at most one live reservation, whatever Redis says.
CREATE UNIQUE INDEX reservation_seats_one_live ON reservation_seats (event_id, seat_id) WHERE live;
