-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_function_body_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END $function$;

-- migrate:downgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $function$;

