-- A view calling the built-in now() and one calling public.now() are
-- different views.
CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT '2000-01-01'::timestamptz $$;
CREATE TABLE ev (id int PRIMARY KEY, at timestamptz);
CREATE VIEW recent AS SELECT id FROM ev WHERE at > pg_catalog.now() - interval '1 day';
INSERT INTO ev VALUES (1, '2024-01-01');
