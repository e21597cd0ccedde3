-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_constraint
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.check_doc()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN NULL; END $function$;

CREATE CONSTRAINT TRIGGER docs_check AFTER INSERT ON public.docs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_doc();

-- migrate:downgrade
DROP TRIGGER docs_check ON public.docs;

DROP FUNCTION public.check_doc();

