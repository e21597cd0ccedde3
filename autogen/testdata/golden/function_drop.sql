-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP FUNCTION public.f();

-- migrate:downgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.f()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1$function$;

