-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_change_events
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP TRIGGER docs_touch ON public.docs;

CREATE TRIGGER docs_touch BEFORE INSERT OR UPDATE OF body ON public.docs FOR EACH ROW EXECUTE FUNCTION public.touch();

-- migrate:downgrade
DROP TRIGGER docs_touch ON public.docs;

CREATE TRIGGER docs_touch BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.touch();

