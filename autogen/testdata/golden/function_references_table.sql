-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_references_table
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.user_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$SELECT count(*) FROM public.users$function$;

CREATE TABLE public.users (
    id integer NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.users deletes its rows
DROP TABLE public.users;

DROP FUNCTION public.user_count();

