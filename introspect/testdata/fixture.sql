-- Fixture for the introspection golden test: at least one of every object
-- kind the schema model covers. Applied to a fresh database by the test.

-- Roles are cluster-wide: tolerate a previous or concurrent run on the same
-- server.
DO $$
BEGIN
    CREATE ROLE migrate_fixture_reader NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
DO $$
BEGIN
    CREATE ROLE migrate_fixture_writer NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application objects';
GRANT USAGE ON SCHEMA app TO migrate_fixture_reader;

-- Excluded by the test's options; nothing in it may appear.
CREATE SCHEMA hidden;
CREATE TABLE hidden.secret (id int PRIMARY KEY);
CREATE VIEW hidden.secret_view AS SELECT id FROM hidden.secret;

CREATE EXTENSION citext WITH SCHEMA public;
CREATE EXTENSION btree_gist WITH SCHEMA public;

CREATE TYPE app.status AS ENUM ('draft', 'published', 'archived');
ALTER TYPE app.status ADD VALUE 'review' BEFORE 'published';
COMMENT ON TYPE app.status IS 'publication state';
REVOKE USAGE ON TYPE app.status FROM PUBLIC;
GRANT USAGE ON TYPE app.status TO migrate_fixture_reader;

CREATE DOMAIN app.positive_int AS integer NOT NULL DEFAULT 1
    CONSTRAINT positive_int_check CHECK (VALUE > 0);
ALTER DOMAIN app.positive_int ADD CONSTRAINT positive_int_small CHECK (VALUE < 1000000) NOT VALID;
COMMENT ON DOMAIN app.positive_int IS 'strictly positive';
COMMENT ON CONSTRAINT positive_int_check ON DOMAIN app.positive_int IS 'must be above zero';
CREATE DOMAIN app.code AS text COLLATE "C";

CREATE TYPE app.money_amount AS (currency char(3), amount numeric(12, 2), label text COLLATE "C");
COMMENT ON TYPE app.money_amount IS 'an amount with its currency';

CREATE SEQUENCE app.invoice_no AS integer START 1000 INCREMENT 10 MINVALUE 1000 MAXVALUE 999999 CACHE 5 CYCLE;
COMMENT ON SEQUENCE app.invoice_no IS 'invoice numbers';
GRANT USAGE, SELECT ON SEQUENCE app.invoice_no TO migrate_fixture_writer;
CREATE UNLOGGED SEQUENCE app.scratch_seq;

CREATE TABLE app.users (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 2 CACHE 10) PRIMARY KEY,
    email public.citext NOT NULL,
    name character varying(100) COLLATE "C" NOT NULL DEFAULT '',
    status app.status NOT NULL DEFAULT 'draft',
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    score app.positive_int,
    balance app.money_amount,
    tags text[] DEFAULT '{}'::text[],
    search_name text GENERATED ALWAYS AS (lower((name)::text)) STORED,
    CONSTRAINT users_email_key UNIQUE NULLS NOT DISTINCT (email),
    CONSTRAINT users_name_check CHECK (name <> 'root')
) WITH (fillfactor = 90, autovacuum_enabled = false);
COMMENT ON TABLE app.users IS 'people who log in';
COMMENT ON COLUMN app.users.email IS 'login address';
COMMENT ON CONSTRAINT users_name_check ON app.users IS 'reserved name';
CREATE INDEX users_created_idx ON app.users (created_at DESC NULLS LAST) INCLUDE (status);
CREATE INDEX users_lower_name_idx ON app.users (lower(name::text) text_pattern_ops) WHERE status <> 'archived';
CREATE UNIQUE INDEX users_search_name_idx ON app.users USING btree (search_name) NULLS NOT DISTINCT;
CREATE INDEX users_tags_idx ON app.users USING gin (tags);
COMMENT ON INDEX app.users_created_idx IS 'recent first';
GRANT SELECT ON app.users TO migrate_fixture_reader;
GRANT INSERT, UPDATE ON app.users TO migrate_fixture_writer WITH GRANT OPTION;
GRANT SELECT (email), UPDATE (name) ON app.users TO PUBLIC;

CREATE TABLE app.posts (
    id serial PRIMARY KEY,
    author_id bigint NOT NULL,
    editor_id bigint,
    invoice integer NOT NULL DEFAULT nextval('app.invoice_no'),
    title text NOT NULL,
    body text,
    CONSTRAINT posts_author_fkey FOREIGN KEY (author_id) REFERENCES app.users (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT posts_editor_fkey FOREIGN KEY (editor_id) REFERENCES app.users (id) MATCH FULL ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);
ALTER TABLE app.posts ADD CONSTRAINT posts_title_check CHECK (length(title) > 0) NOT VALID;
ALTER TABLE app.posts ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.posts FORCE ROW LEVEL SECURITY;
CREATE POLICY posts_owner ON app.posts FOR UPDATE TO migrate_fixture_writer, migrate_fixture_reader
    USING (author_id = 1) WITH CHECK (author_id = 1);
CREATE POLICY posts_read ON app.posts AS RESTRICTIVE FOR SELECT USING (true);
COMMENT ON POLICY posts_read ON app.posts IS 'everyone reads';

CREATE TABLE app.rooms (
    id int PRIMARY KEY,
    during tstzrange NOT NULL,
    CONSTRAINT rooms_no_overlap EXCLUDE USING gist (id WITH =, during WITH &&)
);

CREATE UNLOGGED TABLE app.cache (key text PRIMARY KEY, value jsonb);

-- Classic inheritance.
CREATE TABLE app.animal (id int NOT NULL, name text, CONSTRAINT animal_name_check CHECK (name <> ''));
CREATE TABLE app.dog (good boolean DEFAULT true) INHERITS (app.animal);

-- Declarative partitioning: the children carry no copies of the parent's
-- constraints, indexes or triggers.
CREATE TABLE app.events (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    kind text NOT NULL,
    author_id bigint REFERENCES app.users (id),
    PRIMARY KEY (id, at),
    CHECK (kind <> '')
) PARTITION BY RANGE (at);
CREATE INDEX events_kind_idx ON app.events (kind);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_default PARTITION OF app.events DEFAULT;
CREATE INDEX events_2024_local_idx ON app.events_2024 (author_id);
CREATE TABLE app.events_2025 (id bigint NOT NULL, at timestamp with time zone NOT NULL, kind text NOT NULL, author_id bigint,
    CONSTRAINT events_kind_check CHECK (kind <> ''));
ALTER TABLE app.events ATTACH PARTITION app.events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE app.regions (code text NOT NULL, name text) PARTITION BY LIST (code);
CREATE TABLE app.regions_eu PARTITION OF app.regions FOR VALUES IN ('de', 'fr');

CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now();
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION app.touch() IS 'sets created_at';
CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION app.touch();
COMMENT ON TRIGGER users_touch ON app.users IS 'keeps created_at fresh';
CREATE TRIGGER events_log AFTER INSERT ON app.events FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.users DISABLE TRIGGER users_touch;

CREATE FUNCTION app.add(a integer, b integer DEFAULT 1) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT RETURN a + b;
CREATE FUNCTION app.add(a numeric, b numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
REVOKE EXECUTE ON FUNCTION app.add(numeric, numeric) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.add(numeric, numeric) TO migrate_fixture_reader;
CREATE PROCEDURE app.archive(IN before timestamp with time zone)
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE app.users SET status = 'archived' WHERE created_at < before;
END
$$;
CREATE FUNCTION app.running_total(integer) RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_row_number';
CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer);

CREATE VIEW app.active_users WITH (security_barrier = true) AS
    SELECT id, email, name FROM app.users WHERE status = 'published'
    WITH LOCAL CHECK OPTION;
COMMENT ON VIEW app.active_users IS 'published users';
COMMENT ON COLUMN app.active_users.email IS 'their address';
GRANT SELECT ON app.active_users TO migrate_fixture_reader;
CREATE FUNCTION app.active_users_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEW;
END
$$;
CREATE TRIGGER active_users_insert INSTEAD OF INSERT ON app.active_users FOR EACH ROW EXECUTE FUNCTION app.active_users_insert();

CREATE MATERIALIZED VIEW app.post_counts WITH (fillfactor = 80) AS
    SELECT author_id, count(*) AS n FROM app.posts GROUP BY author_id
    WITH NO DATA;
CREATE UNIQUE INDEX post_counts_author_idx ON app.post_counts (author_id);
COMMENT ON MATERIALIZED VIEW app.post_counts IS 'posts per author';

-- public holds the extension (whose members never appear) and one table
-- using its type.
CREATE TABLE public.notes (id int PRIMARY KEY, body public.citext, span int4range, EXCLUDE USING gist (span WITH &&));

-- The tool's own tables: passed as SkipTables, never shown.
CREATE TABLE public.migrate_version (version_num text PRIMARY KEY);
CREATE TABLE public.migrate_history (id bigserial PRIMARY KEY, version_num text NOT NULL);
