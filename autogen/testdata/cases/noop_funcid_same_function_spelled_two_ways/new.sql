CREATE FUNCTION public.f(int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;
CREATE TABLE t (id int PRIMARY KEY, name text, n int DEFAULT public.f(1),
    CONSTRAINT t_name_check CHECK (pg_catalog.lower(name) <> ''));
