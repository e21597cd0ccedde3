-- migrate:revision 000000000026
-- migrate:message volatile-default safe

-- migrate:upgrade
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE users ADD COLUMN token uuid;

ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();

CREATE FUNCTION default_plan() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'free' $$;

ALTER TABLE users ADD COLUMN plan text DEFAULT default_plan();

-- migrate:downgrade
ALTER TABLE users DROP COLUMN plan, DROP COLUMN token, DROP COLUMN created_at;

DROP FUNCTION default_plan();
