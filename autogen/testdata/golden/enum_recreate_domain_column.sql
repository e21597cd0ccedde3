-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_domain_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TYPE public.lvl RENAME TO lvl__old;

CREATE TYPE public.lvl AS ENUM ('info', 'warn', 'error');

ALTER DOMAIN public.loud RENAME TO loud__old;

CREATE DOMAIN public.loud AS public.lvl DEFAULT 'warn'::public.lvl CONSTRAINT loud_check CHECK ((VALUE >= 'warn'::public.lvl));

-- hazard unsafe-cast (change-column-type): values of public.logs.lvl are converted to the recreated type public.loud; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.logs.lvl rewrites public.logs
ALTER TABLE public.logs ALTER COLUMN lvl TYPE public.loud USING lvl::text::public.loud;

-- hazard unsafe-cast (change-column-type): values of public.logs.tags are converted to the recreated type public.lvl[]; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.logs.tags rewrites public.logs
ALTER TABLE public.logs ALTER COLUMN tags TYPE public.lvl[] USING tags::text[]::public.lvl[];

DROP DOMAIN public.loud__old;

DROP TYPE public.lvl__old;

-- migrate:downgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.lvl ADD VALUE 'debug' BEFORE 'info';

