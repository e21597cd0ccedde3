-- migrate:revision 0a1b2c3d4e5f
-- migrate:message composite_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TYPE public.address AS (street text, city text, zip character varying(10));

-- migrate:downgrade
DROP TYPE public.address;

