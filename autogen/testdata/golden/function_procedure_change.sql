-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_procedure_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE PROCEDURE public.p(IN x integer)
 LANGUAGE plpgsql
AS $procedure$ BEGIN RAISE NOTICE 'value %', x; END $procedure$;

-- migrate:downgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE PROCEDURE public.p(IN x integer)
 LANGUAGE plpgsql
AS $procedure$ BEGIN RAISE NOTICE 'x=%', x; END $procedure$;

