-- pg_catalog.lower and lower are the same function; so are public.f and
-- f when public is on the search path at creation.
CREATE FUNCTION f(int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;
CREATE TABLE t (id int PRIMARY KEY, name text, n int DEFAULT f(1),
    CONSTRAINT t_name_check CHECK (lower(name) <> ''));
