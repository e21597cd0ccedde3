-- SQL-standard bodies that name no table are created before the checks,
-- defaults and indexes that call them, and dropped after them.
CREATE FUNCTION normalize_name(s text) RETURNS text
    LANGUAGE sql IMMUTABLE
    RETURN lower(btrim(s));

CREATE FUNCTION is_valid_slug(s text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
BEGIN ATOMIC
    SELECT s ~ '^[a-z0-9-]+$';
END;

CREATE FUNCTION slug_of(s text) RETURNS text
    LANGUAGE sql IMMUTABLE
    RETURN replace(normalize_name(s), ' ', '-');

CREATE TABLE workspaces (
    id bigint PRIMARY KEY,
    slug text NOT NULL CHECK (is_valid_slug(slug)),
    name text NOT NULL CHECK (normalize_name(name) <> ''),
    handle text DEFAULT 'x'
);
CREATE UNIQUE INDEX workspaces_name_key ON workspaces (normalize_name(name));

CREATE TABLE teams (
    id bigint PRIMARY KEY,
    name text NOT NULL CONSTRAINT teams_name_check CHECK (normalize_name(name) <> ''),
    slug text GENERATED ALWAYS AS (slug_of(name)) STORED
);
