-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_revoke_public
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
GRANT EXECUTE ON FUNCTION public.secret() TO app_admin;

REVOKE EXECUTE ON FUNCTION public.secret() FROM PUBLIC;

-- migrate:downgrade
GRANT EXECUTE ON FUNCTION public.secret() TO PUBLIC;

REVOKE EXECUTE ON FUNCTION public.secret() FROM app_admin;

