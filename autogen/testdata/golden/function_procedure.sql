-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_procedure
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE PROCEDURE public.bump(IN c text)
 LANGUAGE sql
AS $procedure$ UPDATE counters SET n = n + 1 WHERE name = c $procedure$;

-- migrate:downgrade
DROP PROCEDURE public.bump(IN c text);

