-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_statement_level_args
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.note()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN RAISE NOTICE '% %', TG_ARGV[0], TG_OP; RETURN NULL; END $function$;

CREATE TRIGGER docs_note AFTER TRUNCATE ON public.docs FOR EACH STATEMENT EXECUTE FUNCTION public.note('truncated');

-- migrate:downgrade
DROP TRIGGER docs_note ON public.docs;

DROP FUNCTION public.note();

