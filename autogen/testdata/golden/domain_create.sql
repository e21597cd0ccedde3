-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE DOMAIN public.us_postal AS text CONSTRAINT us_postal_check CHECK ((VALUE ~ '^\d{5}$'::text));

-- migrate:downgrade
DROP DOMAIN public.us_postal;

