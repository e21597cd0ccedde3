-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_recreated_row_type_function
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.counted;

DROP FUNCTION public.positive_rows();

DROP VIEW public.positive;

CREATE VIEW public.positive AS
SELECT t.id,
    t.v
   FROM public.t
  WHERE ((t.v > 0) AND (t.w > 0));

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.positive_rows()
 RETURNS SETOF public.positive
 LANGUAGE sql
 STABLE
AS $function$ SELECT * FROM positive $function$;

CREATE VIEW public.counted AS
SELECT count(*) AS n
   FROM public.positive_rows() positive_rows(id, v);

COMMENT ON FUNCTION public.positive_rows() IS 'rows of positive';

-- migrate:downgrade
DROP VIEW public.counted;

DROP FUNCTION public.positive_rows();

DROP VIEW public.positive;

CREATE VIEW public.positive AS
SELECT t.id,
    t.v
   FROM public.t
  WHERE (t.v > 0);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.positive_rows()
 RETURNS SETOF public.positive
 LANGUAGE sql
 STABLE
AS $function$ SELECT * FROM positive $function$;

CREATE VIEW public.counted AS
SELECT count(*) AS n
   FROM public.positive_rows() positive_rows(id, v);

COMMENT ON FUNCTION public.positive_rows() IS 'rows of positive';

