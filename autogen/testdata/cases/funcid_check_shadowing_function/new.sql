CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT pg_catalog.upper($1) $$;
CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL,
    CONSTRAINT tags_name_check CHECK (pg_catalog.lower(name) <> ''));
