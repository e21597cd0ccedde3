CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT '2000-01-01'::timestamptz $$;
CREATE TABLE ev (id int PRIMARY KEY, at timestamptz);
CREATE VIEW recent AS SELECT id FROM ev WHERE at > public.now() - interval '1 day';
