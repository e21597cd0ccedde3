-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP DOMAIN public.positive;

-- migrate:downgrade
CREATE DOMAIN public.positive AS integer CONSTRAINT positive_check CHECK ((VALUE > 0));

