-- Events whose facts and seats are to be announced again on event.events (EventChanged, then SeatsGenerated
-- parts), drained by CatalogRepublisher. Filled here with every event that exists already: they were created
-- before seats were announced, and reservation-service holds seats from its copy of them. An operator refills
-- it (INSERT INTO catalog_republish SELECT id FROM events) should the topic ever be lost.
CREATE TABLE catalog_republish (
    event_id  uuid PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE
);

INSERT INTO catalog_republish (event_id) SELECT id FROM events;
