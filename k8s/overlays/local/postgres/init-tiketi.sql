-- The tiketi database's roles and schemas, as the one-machine launcher creates them
-- (common/embedded-infra DatabaseBootstrap with ServiceDatabase.ALL): one login role per service owning a
-- schema of its own name, the public schema closed, extensions inside the owning service's schema.
-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d), connected to the
-- database POSTGRES_DB=tiketi. The passwords are the local-development ones; never use this file elsewhere.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE tiketi FROM PUBLIC;

CREATE ROLE user_service LOGIN PASSWORD 'user_service_local';
GRANT CONNECT, TEMPORARY ON DATABASE tiketi TO user_service;
CREATE SCHEMA user_service AUTHORIZATION user_service;
ALTER ROLE user_service SET search_path = user_service;

CREATE ROLE event_service LOGIN PASSWORD 'event_service_local';
GRANT CONNECT, TEMPORARY ON DATABASE tiketi TO event_service;
CREATE SCHEMA event_service AUTHORIZATION event_service;
ALTER ROLE event_service SET search_path = event_service;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA event_service;

CREATE ROLE reservation_service LOGIN PASSWORD 'reservation_service_local';
GRANT CONNECT, TEMPORARY ON DATABASE tiketi TO reservation_service;
CREATE SCHEMA reservation_service AUTHORIZATION reservation_service;
ALTER ROLE reservation_service SET search_path = reservation_service;

CREATE ROLE payment_service LOGIN PASSWORD 'payment_service_local';
GRANT CONNECT, TEMPORARY ON DATABASE tiketi TO payment_service;
CREATE SCHEMA payment_service AUTHORIZATION payment_service;
ALTER ROLE payment_service SET search_path = payment_service;
