-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_instead_of_trigger
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TRIGGER v_insert INSTEAD OF INSERT ON public.v FOR EACH ROW EXECUTE FUNCTION public.v_insert();

-- migrate:downgrade
DROP TRIGGER v_insert ON public.v;

