-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_in_other_schema
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS app;

CREATE TYPE app."Kind" AS ENUM ('A', 'b c', 'it''s');

CREATE TABLE app.things (
    id integer NOT NULL,
    kind app."Kind",
    CONSTRAINT things_pkey PRIMARY KEY (id)
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table app.things deletes its rows
DROP TABLE app.things;

DROP TYPE app."Kind";

DROP SCHEMA app;

