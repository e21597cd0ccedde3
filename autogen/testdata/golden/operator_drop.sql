-- migrate:revision 0a1b2c3d4e5f
-- migrate:message operator_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.ranges DROP CONSTRAINT ordered;

DROP OPERATOR public.-~ (NONE, integer);

DROP OPERATOR public.~<< (integer, integer);

DROP OPERATOR public.~>> (integer, integer);

DROP FUNCTION public.negated(a integer);

DROP FUNCTION public.shifted_above(a integer, b integer);

DROP FUNCTION public.shifted_below(a integer, b integer);

-- migrate:downgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.negated(a integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT -a $function$;

CREATE OR REPLACE FUNCTION public.shifted_above(a integer, b integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT a > (b << 1) $function$;

CREATE OR REPLACE FUNCTION public.shifted_below(a integer, b integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT (a << 1) < b $function$;

CREATE OPERATOR public.-~ (FUNCTION = public.negated, RIGHTARG = integer);

CREATE OPERATOR public.~<< (FUNCTION = public.shifted_below, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = OPERATOR(public.~>>), RESTRICT = scalarltsel, JOIN = scalarltjoinsel);

CREATE OPERATOR public.~>> (FUNCTION = public.shifted_above, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = OPERATOR(public.~<<));

-- hazard full-scan (check-not-valid): validating ordered scans every row of public.ranges while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.ranges ADD CONSTRAINT ordered CHECK ((lo OPERATOR(public.~<<) hi));

COMMENT ON OPERATOR public.~<< (integer, integer) IS 'left shifted once is below';

