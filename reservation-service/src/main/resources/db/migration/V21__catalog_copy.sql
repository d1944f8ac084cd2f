-- reservation-service's own copy of the catalog, built from event.events (EventCreated, SeatsGenerated,
-- EventChanged, SaleOpened, SaleClosed, EventCancelled) by dev.tiketi.reservation.catalog.CatalogCopy: a hold
-- reads the event and its seats here instead of asking event-service. Every row carries the version of the
-- event's event that wrote it; an older one never overwrites a newer one, so replaying the topic from its first
-- offset, duplicates and all, gives the same copy.

CREATE TABLE catalog_events (
    event_id        uuid         PRIMARY KEY,
    version         bigint       NOT NULL CHECK (version >= 0),
    title           varchar(200) NOT NULL,
    venue_name      varchar(200) NOT NULL,
    hall_name       varchar(200) NOT NULL,
    starts_at       timestamptz  NOT NULL,
    ends_at         timestamptz  NOT NULL,
    sale_starts_at  timestamptz  NOT NULL,
    sale_ends_at    timestamptz  NOT NULL,
    -- the status event-service computed at the change; only CANCELLED is final, the rest follows from the
    -- periods and the time, and is computed when read
    status          varchar(12)  NOT NULL
        CHECK (status IN ('UPCOMING', 'ON_SALE', 'SOLD_OUT', 'ENDED', 'CANCELLED')),
    seat_count      integer      NOT NULL CHECK (seat_count >= 0),
    -- how many of the seat_count seats the copy has: while an event's seat parts are still arriving, a hold
    -- naming a seat not here yet waits a moment for it instead of calling it foreign
    seats_copied    integer      NOT NULL DEFAULT 0 CHECK (seats_copied >= 0),
    CONSTRAINT catalog_events_period CHECK (ends_at > starts_at),
    CONSTRAINT catalog_events_sale_period CHECK (sale_ends_at > sale_starts_at)
);

CREATE TABLE catalog_seats (
    -- every SeatsGenerated part carries the event's facts, so its event row is written first
    event_id   uuid        NOT NULL REFERENCES catalog_events (event_id) ON DELETE CASCADE,
    seat_id    uuid        NOT NULL,
    version    bigint      NOT NULL CHECK (version >= 0),
    section    varchar(30) NOT NULL,
    row_label  varchar(10) NOT NULL,
    number     integer     NOT NULL CHECK (number > 0),
    grade      varchar(10) NOT NULL,
    price      bigint      NOT NULL CHECK (price >= 0),
    -- a hold looks its seats up by event and ids
    PRIMARY KEY (event_id, seat_id)
);
