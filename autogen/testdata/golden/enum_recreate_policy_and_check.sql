-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_policy_and_check
-- migrate:created 2026-01-02T03:04:05Z
-- migrate:transaction false

-- migrate:upgrade
-- hazard full-scan: this guard reads every row of public.docs before the revision changes anything, and stops it if public.docs.vis holds a value the recreated type public.vis does not have (the revision runs outside a transaction)
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.docs WHERE vis::text <> ALL (ARRAY['public', 'private']::text[]);
    IF changed > 0 THEN
        RAISE EXCEPTION 'public.docs.vis: % row(s) hold a value the recreated type public.vis does not have; nothing was changed', changed
            USING ERRCODE = 'data_exception', HINT = 'Change or delete those rows first, then run the revision again.';
    END IF;
END
$guard$;

DROP POLICY docs_public ON public.docs;

ALTER TABLE public.docs DROP CONSTRAINT docs_vis_check;

ALTER TYPE public.vis RENAME TO vis__old;

CREATE TYPE public.vis AS ENUM ('public', 'private');

ALTER TABLE public.docs ALTER COLUMN vis DROP DEFAULT;

-- hazard unsafe-cast (change-column-type): values of public.docs.vis are converted to the recreated type public.vis; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.docs.vis rewrites public.docs
ALTER TABLE public.docs ALTER COLUMN vis TYPE public.vis USING vis::text::public.vis;

ALTER TABLE public.docs ALTER COLUMN vis SET DEFAULT 'private'::public.vis;

DROP TYPE public.vis__old;

-- hazard full-scan (check-not-valid): validating docs_vis_check scans every row of public.docs while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.docs ADD CONSTRAINT docs_vis_check CHECK (((vis <> 'private'::public.vis) OR (id > 0)));

CREATE POLICY docs_public ON public.docs AS PERMISSIVE FOR SELECT TO PUBLIC USING ((vis = 'public'::public.vis));

-- migrate:downgrade
ALTER TABLE public.docs DROP CONSTRAINT docs_vis_check;

-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.vis ADD VALUE 'internal' AFTER 'public';

-- hazard full-scan (check-not-valid): validating docs_vis_check scans every row of public.docs while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.docs ADD CONSTRAINT docs_vis_check CHECK (((vis <> 'internal'::public.vis) OR (id > 0)));

