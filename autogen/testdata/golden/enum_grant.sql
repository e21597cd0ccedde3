-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_grant
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
GRANT USAGE ON TYPE public.mood TO app_reader;

REVOKE USAGE ON TYPE public.mood FROM PUBLIC;

-- migrate:downgrade
GRANT USAGE ON TYPE public.mood TO PUBLIC;

REVOKE USAGE ON TYPE public.mood FROM app_reader;

