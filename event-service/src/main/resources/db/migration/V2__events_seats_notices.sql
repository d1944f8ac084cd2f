-- Events, their seats (generated from the hall template when the event is created), notices, the search
-- keyword mapping, and the inbox of Kafka events already applied.

CREATE TABLE events (
    id              uuid PRIMARY KEY,
    title           varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
    artist          varchar(200) NOT NULL CHECK (length(btrim(artist)) > 0),
    description     text         NOT NULL DEFAULT '',
    category        varchar(20)  NOT NULL
        CHECK (category IN ('CONCERT', 'MUSICAL', 'THEATER', 'CLASSIC', 'SPORTS', 'EXHIBITION', 'FAMILY', 'OTHER')),
    venue_id        uuid         NOT NULL REFERENCES venues (id),
    hall_id         uuid         NOT NULL REFERENCES halls (id),
    starts_at       timestamptz  NOT NULL,
    ends_at         timestamptz  NOT NULL,
    sale_starts_at  timestamptz  NOT NULL,
    sale_ends_at    timestamptz  NOT NULL,
    poster_url      varchar(500),
    status          varchar(12)  NOT NULL
        CHECK (status IN ('UPCOMING', 'ON_SALE', 'SOLD_OUT', 'ENDED', 'CANCELLED')),
    seat_count      integer      NOT NULL CHECK (seat_count > 0),
    available_count integer      NOT NULL CHECK (available_count >= 0 AND available_count <= seat_count),
    -- title, artist, venue and the mapped keywords, lower-cased: what keyword search matches against
    search_text     text         NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    CONSTRAINT events_period_check CHECK (ends_at > starts_at),
    CONSTRAINT events_sale_period_check CHECK (sale_ends_at > sale_starts_at AND sale_ends_at <= ends_at)
);

CREATE INDEX events_status_starts_idx ON events (status, starts_at);
CREATE INDEX events_category_starts_idx ON events (category, starts_at);
CREATE INDEX events_venue_idx ON events (venue_id);
CREATE INDEX events_sale_starts_idx ON events (sale_starts_at) WHERE status = 'UPCOMING';
CREATE INDEX events_search_trgm_idx ON events USING gin (search_text gin_trgm_ops);

CREATE TABLE seats (
    id                   uuid PRIMARY KEY,
    event_id             uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    section              varchar(30) NOT NULL,
    row_label            varchar(10) NOT NULL,
    number               integer     NOT NULL CHECK (number > 0),
    grade                varchar(10) NOT NULL,
    price                bigint      NOT NULL CHECK (price >= 0),
    status               varchar(10) NOT NULL CHECK (status IN ('AVAILABLE', 'SOLD')),
    -- the booking a SOLD seat belongs to: a late cancellation of an older booking must not free it
    sold_reservation_id  uuid,
    updated_at           timestamptz NOT NULL,
    CONSTRAINT seats_position_key UNIQUE (event_id, section, row_label, number),
    CONSTRAINT seats_sold_has_reservation CHECK ((status = 'SOLD') = (sold_reservation_id IS NOT NULL))
);

CREATE INDEX seats_event_status_idx ON seats (event_id, status);

CREATE TABLE search_keywords (
    term     varchar(100) NOT NULL CHECK (term = lower(term) AND length(term) > 0),
    synonym  varchar(100) NOT NULL CHECK (synonym = lower(synonym) AND length(synonym) > 0),
    PRIMARY KEY (term, synonym)
);

CREATE TABLE notices (
    id            uuid PRIMARY KEY,
    title         varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
    body          text         NOT NULL,
    pinned        boolean      NOT NULL DEFAULT false,
    view_count    bigint       NOT NULL DEFAULT 0 CHECK (view_count >= 0),
    author_id     uuid         NOT NULL,
    published_at  timestamptz  NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);

CREATE INDEX notices_listing_idx ON notices (pinned DESC, published_at DESC);

CREATE TABLE processed_events (
    event_id      uuid PRIMARY KEY,
    event_type    varchar(100) NOT NULL,
    processed_at  timestamptz  NOT NULL
);
