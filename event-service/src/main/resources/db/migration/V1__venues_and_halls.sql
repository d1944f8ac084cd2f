-- Venues and their halls. A hall's seat template (sections, rows, grades, prices) is the blueprint from
-- which an event's seats are generated; changing it later never touches seats already generated.
CREATE TABLE venues (
    id          uuid PRIMARY KEY,
    name        varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    city        varchar(100) NOT NULL CHECK (length(btrim(city)) > 0),
    address     varchar(500) NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT venues_name_city_key UNIQUE (name, city)
);

CREATE TABLE halls (
    id             uuid PRIMARY KEY,
    venue_id       uuid         NOT NULL REFERENCES venues (id),
    name           varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    seat_template  jsonb        NOT NULL CHECK (jsonb_typeof(seat_template) = 'object'),
    seat_count     integer      NOT NULL CHECK (seat_count > 0),
    version        bigint       NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    CONSTRAINT halls_venue_name_key UNIQUE (venue_id, name)
);

CREATE INDEX halls_venue_id_idx ON halls (venue_id);
