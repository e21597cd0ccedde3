-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_trigger_on_parent
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TRIGGER m_touch BEFORE INSERT ON public.measurements FOR EACH ROW EXECUTE FUNCTION public.m_touch();

-- migrate:downgrade
DROP TRIGGER m_touch ON public.measurements;

