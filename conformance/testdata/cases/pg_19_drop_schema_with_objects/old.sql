CREATE SCHEMA audit;
CREATE TYPE audit.kind AS ENUM ('insert', 'update', 'delete');
CREATE SEQUENCE audit.ids;
CREATE TABLE audit.entries (id bigint PRIMARY KEY DEFAULT nextval('audit.ids'), kind audit.kind NOT NULL, payload jsonb);
CREATE VIEW audit.recent AS SELECT * FROM audit.entries ORDER BY id DESC LIMIT 100;
CREATE FUNCTION audit.log(k audit.kind, p jsonb) RETURNS void LANGUAGE sql AS $$ INSERT INTO audit.entries (kind, payload) VALUES (k, p) $$;
CREATE TABLE public.users (id integer PRIMARY KEY, name text);
CREATE TABLE public.user_events (user_id integer REFERENCES public.users (id), entry_id bigint REFERENCES audit.entries (id));
