-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_returns_table
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.pairs(n integer)
 RETURNS TABLE(a integer, b integer)
 LANGUAGE sql
AS $function$SELECT i, i * i FROM generate_series(1, n) AS i$function$;

-- migrate:downgrade
DROP FUNCTION public.pairs(n integer);

