-- Payments: one row per payment attempt a buyer starts with a client idempotency key (payment_key).
-- version counts the row's state changes; the events a change publishes carry it as their version.
CREATE TABLE payments (
    id                      uuid         PRIMARY KEY,
    user_id                 uuid         NOT NULL,
    reservation_id          uuid         NOT NULL,
    event_id                uuid         NOT NULL,
    payment_key             varchar(64)  NOT NULL,
    amount                  bigint       NOT NULL CHECK (amount >= 0),
    method                  varchar(16)  NOT NULL,
    provider                varchar(16)  NOT NULL,
    order_name              varchar(200) NOT NULL,
    card_last4              varchar(4),
    status                  varchar(16)  NOT NULL
        CHECK (status IN ('PENDING', 'SUCCESS', 'FAILED', 'REFUND_PENDING', 'REFUNDED')),
    version                 bigint       NOT NULL,
    -- the PG's id of the approved transaction (Toss: its paymentKey), needed to cancel it
    provider_transaction_id varchar(200),
    failure_code            varchar(64),
    failure_message         varchar(500),
    approved_at             timestamptz,
    failed_at               timestamptz,
    refund_reason           varchar(64),
    refund_requested_at     timestamptz,
    refunded_at             timestamptz,
    -- reconciliation of PENDING payments whose PG answer was lost
    check_attempts          integer      NOT NULL DEFAULT 0,
    next_check_at           timestamptz,
    -- refund work of REFUND_PENDING payments
    refund_attempts         integer      NOT NULL DEFAULT 0,
    next_refund_at          timestamptz,
    last_refund_error       varchar(500),
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    -- the same key from the same buyer is the same payment, never a second charge
    CONSTRAINT payments_user_payment_key UNIQUE (user_id, payment_key)
);

-- at most one payment per reservation that is being charged or has been charged
CREATE UNIQUE INDEX payments_one_live_per_reservation ON payments (reservation_id)
    WHERE status IN ('PENDING', 'SUCCESS');
CREATE INDEX payments_reservation ON payments (reservation_id);
CREATE INDEX payments_user_created ON payments (user_id, created_at DESC, id);
CREATE INDEX payments_status_created ON payments (status, created_at DESC);
CREATE INDEX payments_pending_check ON payments (created_at) WHERE status = 'PENDING';
CREATE INDEX payments_refund_due ON payments (next_refund_at) WHERE status = 'REFUND_PENDING';

-- Every request to and answer from a PG, secrets redacted (card numbers to their last 4 digits, no
-- Authorization header or secret key ever). An audit trail, not read by the payment flow.
CREATE TABLE pg_exchanges (
    id            bigserial    PRIMARY KEY,
    payment_id    uuid         NOT NULL,
    provider      varchar(16)  NOT NULL,
    operation     varchar(16)  NOT NULL,
    request       text         NOT NULL,
    response      text,
    http_status   integer,
    outcome       varchar(32)  NOT NULL,
    duration_ms   bigint       NOT NULL,
    created_at    timestamptz  NOT NULL
);
CREATE INDEX pg_exchanges_payment ON pg_exchanges (payment_id, id);

-- The simulated PG's own books. The simulated PG stands in for a remote payment company: it keeps what it
-- approved here, apart from our payments, so that its inquiry answers truthfully after a restart of this
-- service even when our side never heard the approval. Nothing in payment-service reads this table except
-- the simulated PG itself.
CREATE TABLE sim_pg_transactions (
    order_id        varchar(64)  PRIMARY KEY,
    transaction_id  varchar(64)  NOT NULL UNIQUE,
    amount          bigint       NOT NULL,
    card_last4      varchar(4)   NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('APPROVED', 'CANCELLED')),
    approved_at     timestamptz  NOT NULL,
    cancelled_at    timestamptz,
    cancel_reason   varchar(200)
);
