-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_change_volatility
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.pi2()
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$SELECT pi() * 2$function$;

-- migrate:downgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.pi2()
 RETURNS double precision
 LANGUAGE sql
AS $function$SELECT pi() * 2$function$;

