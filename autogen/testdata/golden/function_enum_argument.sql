-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_enum_argument
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TYPE public.mood AS ENUM ('ok', 'bad');

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.is_ok(m public.mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT m = 'ok' $function$;

-- migrate:downgrade
DROP FUNCTION public.is_ok(m public.mood);

DROP TYPE public.mood;

