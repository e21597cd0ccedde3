-- migrate:revision 0a1b2c3d4e5f
-- migrate:message operator_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP OPERATOR public.-~ (NONE, integer);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.negated_twice(a integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT a $function$;

CREATE OPERATOR public.-~ (FUNCTION = public.negated_twice, RIGHTARG = integer);

ALTER OPERATOR public.~>> (integer, integer) SET (RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

COMMENT ON OPERATOR public.~<< (integer, integer) IS 'shifted once, below';

-- migrate:downgrade
DROP OPERATOR public.-~ (NONE, integer);

CREATE OPERATOR public.-~ (FUNCTION = public.negated, RIGHTARG = integer);

ALTER OPERATOR public.~>> (integer, integer) SET (RESTRICT = NONE, JOIN = NONE);

COMMENT ON OPERATOR public.~<< (integer, integer) IS 'left shifted once is below';

DROP FUNCTION public.negated_twice(a integer);

