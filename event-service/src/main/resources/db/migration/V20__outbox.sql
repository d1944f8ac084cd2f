-- The outbox catalog events (event.events) leave through, written in the transaction of the change each
-- announces: common-messaging's table (see its README). processed_events exists since V2.
-- Numbered V20 so that migrations other branches add in the meantime (V5, V6, ...) keep running first.

CREATE TABLE outbox (
    id              bigserial    PRIMARY KEY,
    event_id        uuid         NOT NULL UNIQUE,
    topic           varchar(100) NOT NULL,
    aggregate_type  varchar(50)  NOT NULL,
    aggregate_id    uuid         NOT NULL,
    event_type      varchar(100) NOT NULL,
    envelope        jsonb        NOT NULL,
    created_at      timestamptz  NOT NULL,
    published_at    timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_unpublished_per_aggregate ON outbox (aggregate_id, id) WHERE published_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
