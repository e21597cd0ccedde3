-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_array_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TYPE public.color RENAME TO color__old;

CREATE TYPE public.color AS ENUM ('red', 'green', 'blue');

ALTER TABLE public.palettes ALTER COLUMN colors DROP DEFAULT;

-- hazard unsafe-cast (change-column-type): values of public.palettes.colors are converted to the recreated type public.color[]; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.palettes.colors rewrites public.palettes
ALTER TABLE public.palettes ALTER COLUMN colors TYPE public.color[] USING colors::text[]::public.color[];

ALTER TABLE public.palettes ALTER COLUMN colors SET DEFAULT '{}'::public.color[];

DROP TYPE public.color__old;

-- migrate:downgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.color ADD VALUE 'black' AFTER 'blue';

