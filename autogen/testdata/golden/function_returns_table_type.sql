-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_returns_table_type
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.users (
    id integer NOT NULL,
    name text,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.all_users()
 RETURNS SETOF public.users
 LANGUAGE sql
 STABLE
AS $function$SELECT * FROM users$function$;

CREATE OR REPLACE FUNCTION public.find_user(uid integer)
 RETURNS public.users
 LANGUAGE sql
 STABLE
AS $function$SELECT * FROM users WHERE id = uid$function$;

-- migrate:downgrade
DROP FUNCTION public.all_users();

DROP FUNCTION public.find_user(uid integer);

-- hazard data-loss (drop-table): dropping table public.users deletes its rows
DROP TABLE public.users;

