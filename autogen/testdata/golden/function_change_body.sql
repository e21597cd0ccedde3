-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_change_body
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.greet(name text)
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'hi ' || name $function$;

-- migrate:downgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.greet(name text)
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'hello ' || name $function$;

