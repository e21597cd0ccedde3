-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_with_function
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.doubled;

DROP FUNCTION public.double_it(x integer);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.double_it(x integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT x::bigint * 2$function$;

CREATE VIEW public.doubled AS
SELECT t.id,
    public.double_it(t.v) AS d
   FROM public.t;

-- migrate:downgrade
DROP VIEW public.doubled;

DROP FUNCTION public.double_it(x integer);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.double_it(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT x * 2$function$;

CREATE VIEW public.doubled AS
SELECT t.id,
    public.double_it(t.v) AS d
   FROM public.t;

