-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON FUNCTION public.f() IS 'always one';

-- migrate:downgrade
COMMENT ON FUNCTION public.f() IS NULL;

