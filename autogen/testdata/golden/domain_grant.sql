-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_grant
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
GRANT USAGE ON DOMAIN public.email TO app_writer;

REVOKE USAGE ON DOMAIN public.email FROM PUBLIC;

-- migrate:downgrade
GRANT USAGE ON DOMAIN public.email TO PUBLIC;

REVOKE USAGE ON DOMAIN public.email FROM app_writer;

