-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_function_row_type
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE VIEW public.positive AS
SELECT t.id,
    t.v
   FROM public.t
  WHERE (t.v > 0);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.double_it(p public.positive)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT p.v * 2 $function$;

CREATE OR REPLACE FUNCTION public.positive_rows()
 RETURNS SETOF public.positive
 LANGUAGE sql
 STABLE
AS $function$ SELECT * FROM positive $function$;

CREATE VIEW public.doubled AS
SELECT p.id,
    public.double_it(p.*) AS v2
   FROM public.positive_rows() p(id, v);

CREATE OR REPLACE FUNCTION public.positive_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT count(*) AS count
    FROM public.positive;
END;

-- migrate:downgrade
DROP FUNCTION public.positive_count();

DROP VIEW public.doubled;

DROP FUNCTION public.positive_rows();

DROP FUNCTION public.double_it(p public.positive);

DROP VIEW public.positive;

