-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_in_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.is_even(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT n % 2 = 0$function$;

CREATE TABLE public.evens (
    n integer,
    CONSTRAINT evens_n_check CHECK (public.is_even(n))
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.evens deletes its rows
DROP TABLE public.evens;

DROP FUNCTION public.is_even(n integer);

