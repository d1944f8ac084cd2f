-- payment-service's own copy of the reservations it may charge, fed by reservation.events (FTGO's replica):
-- a payment reads the owner, event, status, amount, hold expiry and title here instead of asking
-- reservation-service. reservation-service owns the reservations; nothing but the consumer writes this table.
--
-- version is the reservation's version of the newest event applied (the envelope's version): an event no newer
-- than it changes nothing, so duplicates, replays and late arrivals (a ReservationHeld after the cancellation)
-- leave the copy as it is. The details (amount, expiry, title) come only with ReservationHeld; held_version is
-- the version of the hold (or seat change) they were taken from, so an older hold never overwrites a newer one.
CREATE TABLE reservation_copy (
    id               uuid         PRIMARY KEY,
    user_id          uuid         NOT NULL,
    event_id         uuid         NOT NULL,
    status           varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
    version          bigint       NOT NULL CHECK (version >= 0),
    total_amount     bigint       CHECK (total_amount >= 0),
    hold_expires_at  timestamptz,
    event_title      varchar(200),
    held_version     bigint,
    -- when reservation-service made the change the status comes from, and when it reached this copy
    changed_at       timestamptz  NOT NULL,
    copied_at        timestamptz  NOT NULL,
    -- the details come and go together, from one hold
    CONSTRAINT reservation_copy_details CHECK (
        (held_version IS NULL AND total_amount IS NULL AND hold_expires_at IS NULL AND event_title IS NULL)
        OR (held_version IS NOT NULL AND held_version <= version AND total_amount IS NOT NULL
            AND hold_expires_at IS NOT NULL)),
    -- a held reservation is exactly its newest hold: payable only with its own amount and expiry
    CONSTRAINT reservation_copy_pending_is_held CHECK (status <> 'PENDING' OR held_version = version)
);
