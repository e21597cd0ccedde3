CREATE EXTENSION pgcrypto SCHEMA public;
CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(), v text);
