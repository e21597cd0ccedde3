-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_sql_body_in_check_and_index
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.is_valid_slug(s text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE STRICT
BEGIN ATOMIC
 SELECT (s ~ '^[a-z0-9-]+$'::text);
END;

CREATE OR REPLACE FUNCTION public.normalize_name(s text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN lower(btrim(s));

CREATE OR REPLACE FUNCTION public.slug_of(s text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN replace(public.normalize_name(s), ' '::text, '-'::text);

CREATE TABLE public.teams (
    id bigint NOT NULL,
    name text NOT NULL,
    slug text GENERATED ALWAYS AS (public.slug_of(name)) STORED,
    CONSTRAINT teams_name_check CHECK ((public.normalize_name(name) <> ''::text)),
    CONSTRAINT teams_pkey PRIMARY KEY (id)
);

ALTER TABLE public.workspaces ADD COLUMN handle text DEFAULT 'x'::text;

-- hazard full-scan (check-not-valid): validating workspaces_name_check scans every row of public.workspaces while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.workspaces ADD CONSTRAINT workspaces_name_check CHECK ((public.normalize_name(name) <> ''::text));

-- hazard full-scan (check-not-valid): validating workspaces_slug_check scans every row of public.workspaces while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.workspaces ADD CONSTRAINT workspaces_slug_check CHECK (public.is_valid_slug(slug));

-- hazard index-build-blocks-writes (require-concurrent-index): index workspaces_name_key is built without CONCURRENTLY: writes to public.workspaces block until it is done
CREATE UNIQUE INDEX workspaces_name_key ON public.workspaces USING btree (public.normalize_name(name));

-- migrate:downgrade
ALTER TABLE public.workspaces DROP CONSTRAINT workspaces_name_check;

ALTER TABLE public.workspaces DROP CONSTRAINT workspaces_slug_check;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.workspaces_name_key;

-- hazard data-loss (drop-table): dropping table public.teams deletes its rows
DROP TABLE public.teams;

-- hazard data-loss (drop-column): dropping column public.workspaces.handle deletes its data
ALTER TABLE public.workspaces DROP COLUMN handle;

DROP FUNCTION public.is_valid_slug(s text);

DROP FUNCTION public.slug_of(s text);

DROP FUNCTION public.normalize_name(s text);

