-- A check calling public.lower (a function of the same name as the
-- built-in) becomes one calling the built-in.
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT pg_catalog.upper($1) $$;
CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL,
    CONSTRAINT tags_name_check CHECK (public.lower(name) <> ''));
INSERT INTO tags VALUES (1, 'x');
