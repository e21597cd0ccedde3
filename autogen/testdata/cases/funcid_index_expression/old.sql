-- An index on public.lower(name) and one on the built-in lower(name) are
-- different indexes.
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT pg_catalog.upper($1) $$;
CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL);
CREATE INDEX tags_name_idx ON tags (pg_catalog.lower(name));
INSERT INTO tags VALUES (1, 'x');
