-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_disable
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.docs DISABLE TRIGGER docs_touch;

-- migrate:downgrade
ALTER TABLE public.docs ENABLE TRIGGER docs_touch;

