-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON TYPE public.mood IS 'how it feels';

-- migrate:downgrade
COMMENT ON TYPE public.mood IS NULL;

