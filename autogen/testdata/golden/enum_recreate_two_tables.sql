-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_two_tables
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TYPE app.state RENAME TO state__old;

CREATE TYPE app.state AS ENUM ('new', 'old');

-- hazard unsafe-cast (change-column-type): values of app.a.s are converted to the recreated type app.state; rows holding a removed value make this fail
-- hazard table-rewrite: converting app.a.s rewrites app.a
ALTER TABLE app.a ALTER COLUMN s TYPE app.state USING s::text::app.state;

ALTER TABLE app.b ALTER COLUMN s DROP DEFAULT;

-- hazard unsafe-cast (change-column-type): values of app.b.s are converted to the recreated type app.state; rows holding a removed value make this fail
-- hazard table-rewrite: converting app.b.s rewrites app.b
ALTER TABLE app.b ALTER COLUMN s TYPE app.state USING s::text::app.state;

ALTER TABLE app.b ALTER COLUMN s SET DEFAULT 'new'::app.state;

DROP TYPE app.state__old;

-- migrate:downgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE app.state ADD VALUE 'gone' AFTER 'old';

