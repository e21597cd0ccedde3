-- migrate:revision 0a1b2c3d4e5f
-- migrate:message composite_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP TYPE public.address;

-- migrate:downgrade
CREATE TYPE public.address AS (street text, city text);

