-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_overload_add
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.area(w double precision, h double precision)
 RETURNS double precision
 LANGUAGE sql
AS $function$SELECT w * h$function$;

-- migrate:downgrade
DROP FUNCTION public.area(w double precision, h double precision);

