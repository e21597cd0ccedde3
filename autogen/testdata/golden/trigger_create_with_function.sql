-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_create_with_function
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $function$;

CREATE TRIGGER docs_touch BEFORE INSERT OR UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.touch();

-- migrate:downgrade
DROP TRIGGER docs_touch ON public.docs;

DROP FUNCTION public.touch();

