-- Moving a table to another schema moves the sequences its columns own.
CREATE SCHEMA app;
CREATE TABLE public.jobs (id serial PRIMARY KEY, title text);
INSERT INTO public.jobs (title) VALUES ('a'), ('b');
