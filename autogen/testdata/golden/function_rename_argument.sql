-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_rename_argument
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP FUNCTION public.f(a integer);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.f(b integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT $1$function$;

-- migrate:downgrade
DROP FUNCTION public.f(b integer);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.f(a integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT $1$function$;

