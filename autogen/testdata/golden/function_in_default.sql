-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_in_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.next_code()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT md5(random()::text) $function$;

-- hazard table-rewrite (volatile-default): the default of public.t.code calls next_code(), a volatile function: every existing row is rewritten under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ADD COLUMN code text DEFAULT public.next_code();

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.t.code deletes its data
ALTER TABLE public.t DROP COLUMN code;

DROP FUNCTION public.next_code();

