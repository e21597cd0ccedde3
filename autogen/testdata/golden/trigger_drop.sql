-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP TRIGGER docs_touch ON public.docs;

-- migrate:downgrade
CREATE TRIGGER docs_touch BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.touch();

