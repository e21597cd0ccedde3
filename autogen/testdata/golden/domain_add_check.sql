-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_add_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: every column of domain public.percent is checked
ALTER DOMAIN public.percent ADD CONSTRAINT percent_range CHECK (((VALUE >= (0)::numeric) AND (VALUE <= (100)::numeric)));

-- migrate:downgrade
ALTER DOMAIN public.percent DROP CONSTRAINT percent_range;

