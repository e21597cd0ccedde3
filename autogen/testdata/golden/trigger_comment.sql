-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON TRIGGER docs_touch ON public.docs IS 'keeps updated_at';

-- migrate:downgrade
COMMENT ON TRIGGER docs_touch ON public.docs IS NULL;

