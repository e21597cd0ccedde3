-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_security_definer_config
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.f()
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$SELECT 1$function$;

-- migrate:downgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.f()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1$function$;

