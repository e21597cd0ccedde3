-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_set_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER DOMAIN public.score SET DEFAULT 0;

-- migrate:downgrade
ALTER DOMAIN public.score DROP DEFAULT;

