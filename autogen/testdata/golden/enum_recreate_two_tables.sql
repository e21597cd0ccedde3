-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_two_tables
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: this guard reads every row of app.a and stops the revision before anything else runs if app.a.s holds a label the recreated app.state drops
DO $guard$
DECLARE
    held bigint;
BEGIN
    SELECT count(*) INTO held FROM app.a WHERE s::text = ANY (ARRAY['gone']);
    IF held > 0 THEN
        RAISE EXCEPTION '% row(s) of app.a.s hold a label that the recreated app.state no longer has (gone)', held
            USING ERRCODE = 'data_exception', HINT = 'Change those rows to a label the new type keeps first.';
    END IF;
END
$guard$;

-- hazard full-scan: this guard reads every row of app.b and stops the revision before anything else runs if app.b.s holds a label the recreated app.state drops
DO $guard$
DECLARE
    held bigint;
BEGIN
    SELECT count(*) INTO held FROM app.b WHERE s::text = ANY (ARRAY['gone']);
    IF held > 0 THEN
        RAISE EXCEPTION '% row(s) of app.b.s hold a label that the recreated app.state no longer has (gone)', held
            USING ERRCODE = 'data_exception', HINT = 'Change those rows to a label the new type keeps first.';
    END IF;
END
$guard$;

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

