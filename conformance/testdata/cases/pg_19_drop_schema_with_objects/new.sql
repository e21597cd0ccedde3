-- The audit schema is removed with everything in it; a public table that
-- referenced it loses the column.
CREATE TABLE public.users (id integer PRIMARY KEY, name text);
CREATE TABLE public.user_events (user_id integer REFERENCES public.users (id));
